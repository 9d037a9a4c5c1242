from __future__ import annotations

import os
from typing import Any, AnyStr, Optional

import paramiko

from .file import VFSFile


class SSHFile(VFSFile):
    """VFS wrapper for a file that is read and written over an SSH connection."""

    def __init__(self, name: str, mode: str = "r", hostname: Optional[str] = None, port: int = 22,
                 username: Optional[str] = None, password: Optional[str] = None, keyfile: Optional[str] = None,
                 root: Optional[str] = None, mkdir: bool = True, **kwargs: Any) -> None:
        if root is None:
            raise ValueError("No root directory given.")
        if name.startswith("/") or ".." in name:
            raise ValueError("Only files within root directory are allowed.")
        self.filename = name
        self._full_path = os.path.join(root, name)
        if hostname is None:
            raise ValueError("No hostname given.")

        self._ssh = paramiko.SSHClient()
        self._ssh.load_system_host_keys()
        self._ssh.connect(hostname, port=port, username=username, password=password, key_filename=keyfile)

        if mkdir:
            path = os.path.dirname(self._full_path)
            self._ssh.exec_command(f"mkdir -p {path}")

        self.mode = mode
        self._buffer = b"" if "b" in self.mode else ""
        self._pos = 0
        self._open = True

    async def _download(self) -> None:
        _, stdout, _ = self._ssh.exec_command(f"cat {self._full_path}")
        self._buffer = stdout.read()

    async def read(self, n: int = -1) -> AnyStr:
        if len(self._buffer) == 0 and "r" in self.mode:
            await self._download()
        if n == -1:
            data = self._buffer
            self._pos = len(self._buffer) - 1
        else:
            data = self._buffer[self._pos:self._pos + n]
            self._pos += n
        return data

    async def write(self, s: AnyStr) -> None:
        self._buffer += s

    async def close(self) -> None:
        if "w" in self.mode and self._open:
            await self._upload()
        self._open = False
        self._ssh.close()

    async def _upload(self) -> None:
        transport = self._ssh.get_transport()
        with transport.open_channel(kind="session") as channel:
            channel.exec_command(f"cat > {self._full_path}")
            channel.sendall(self._buffer)
