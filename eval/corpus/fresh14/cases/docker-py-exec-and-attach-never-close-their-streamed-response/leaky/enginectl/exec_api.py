from typing import Any, Dict


class ExecApiMixin:
    def exec_create(self, container: str, cmd: str, tty: bool = False) -> str:
        data = {"Cmd": cmd.split(), "Tty": tty, "AttachStdout": True, "AttachStderr": True}
        res = self._post_json(self._url("/containers/{0}/exec", container), data=data)
        return self._result(res, json=True)["Id"]

    def exec_start(self, exec_id: str, detach: bool = False, tty: bool = False,
                   stream: bool = False, socket: bool = False, demux: bool = False) -> Any:
        data = {"Tty": tty, "Detach": detach}
        headers: Dict[str, str] = {} if detach else {"Connection": "Upgrade", "Upgrade": "tcp"}
        res = self._post_json(  # LEAK
            self._url("/exec/{0}/start", exec_id),
            headers=headers,
            data=data,
            stream=True,
        )
        if detach:
            return self._result(res)
        if socket:
            return self._raw_socket(res)
        return self._read_from_socket(res, stream, tty=tty, demux=demux)
