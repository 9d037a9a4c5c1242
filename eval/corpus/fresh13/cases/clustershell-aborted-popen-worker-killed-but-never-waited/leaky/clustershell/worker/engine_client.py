import subprocess
from typing import List, Optional


class EngineClient:
    """Base of the workers: starts the command and closes it on completion or abort."""

    def __init__(self, command: str, timeout: float = -1) -> None:
        self.command = command
        self.timeout = timeout
        self.popen: Optional[subprocess.Popen] = None
        self.events: List[str] = []

    def _exec_nonblock(self, command: str) -> subprocess.Popen:
        return subprocess.Popen(
            command,
            shell=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def _invoke(self, event: str) -> None:
        self.events.append(event)

    def _close(self, abort: bool, timeout: bool) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        self._close(abort=True, timeout=False)

    def on_timeout(self) -> None:
        self._close(abort=True, timeout=True)
