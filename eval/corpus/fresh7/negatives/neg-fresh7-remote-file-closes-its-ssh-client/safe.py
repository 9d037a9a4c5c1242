from __future__ import annotations

import posixpath

import paramiko


class RemoteFile:
    def __init__(self, hostname: str, path: str, mode: str = "r", username: str = "") -> None:
        self.path = path
        self.mode = mode
        self._buffer = b""
        self._client = paramiko.SSHClient()
        self._client.load_system_host_keys()
        self._client.connect(hostname, username=username or None)

    def __enter__(self) -> "RemoteFile":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read(self) -> bytes:
        _, stdout, _ = self._client.exec_command(f"cat {self.path}")
        return stdout.read()

    def write(self, data: bytes) -> None:
        self._buffer += data

    def close(self) -> None:
        try:
            if "w" in self.mode and self._buffer:
                _, stdout, _ = self._client.exec_command(f"mkdir -p {posixpath.dirname(self.path)}")
                stdout.channel.recv_exit_status()
                channel = self._client.get_transport().open_session()
                with channel:
                    channel.exec_command(f"cat > {self.path}")
                    channel.sendall(self._buffer)
        finally:
            self._client.close()
