from typing import Any

from .streams import CancellableStream


class ContainerApiMixin:
    def attach(self, container: str, stdout: bool = True, stderr: bool = True,
               stream: bool = False, logs: bool = False, demux: bool = False) -> Any:
        params = {
            "logs": int(logs),
            "stdout": int(stdout),
            "stderr": int(stderr),
            "stream": int(stream),
        }
        headers = {"Connection": "Upgrade", "Upgrade": "tcp"}
        url = self._url("/containers/{0}/attach", container)
        response = self._post(url, headers=headers, params=params, stream=True)  # LEAK
        output = self._read_from_socket(response, stream, self._is_tty(container), demux=demux)
        if stream:
            return CancellableStream(output, response)
        return output
