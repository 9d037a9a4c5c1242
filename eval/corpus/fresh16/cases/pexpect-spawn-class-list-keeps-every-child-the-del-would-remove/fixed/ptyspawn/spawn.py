import os
import shlex
from typing import Optional

from .ptys import fork_pty


class spawn:
    def __init__(self, command: str, timeout: float = 30, maxread: int = 2000) -> None:
        self.args = shlex.split(command)
        self.timeout = timeout
        self.maxread = maxread
        self.buffer = b""
        self.child_fd: Optional[int] = None
        self.pid: Optional[int] = None
        self.closed = True
        self._spawn()

    def _spawn(self) -> None:
        self.pid, self.child_fd = fork_pty(self.args)
        self.closed = False

    def close(self) -> None:
        if not self.closed and self.child_fd is not None:
            os.close(self.child_fd)
            self.closed = True

    def __del__(self) -> None:
        if not self.closed:
            self.close()
