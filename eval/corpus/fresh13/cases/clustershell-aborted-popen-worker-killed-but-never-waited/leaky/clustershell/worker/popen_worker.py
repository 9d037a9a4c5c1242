import os
import signal
from typing import Optional

from .engine_client import EngineClient


class WorkerPopen(EngineClient):
    def __init__(self, command: str, timeout: float = -1) -> None:
        super().__init__(command, timeout)
        self.rc: Optional[int] = None

    def start(self) -> "WorkerPopen":
        self.popen = self._exec_nonblock(self.command)
        self._invoke("ev_start")
        return self

    def _close(self, abort: bool, timeout: bool) -> None:
        rc = -1
        if abort:
            prc = self.popen.poll()
            if prc is None:
                os.kill(self.popen.pid, signal.SIGKILL)  # LEAK
        else:
            prc = self.popen.wait()
            if prc >= 0:
                rc = prc
            else:
                rc = 128 + -prc
        self.popen.stdin.close()
        self.popen.stdout.close()
        self.popen.stderr.close()
        if rc >= 0:
            self.rc = rc
        elif timeout:
            self._invoke("ev_timeout")
        self._invoke("ev_close")
