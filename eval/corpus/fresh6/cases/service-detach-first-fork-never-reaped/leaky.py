from __future__ import annotations

import logging
import os
import threading
import time


def _detach_process() -> bool:
    """Fork into a parent and a detached child; True in the parent, False in the child."""
    # fork once so that the child is not a process group leader and may call setsid
    pid = os.fork()  # LEAK
    if pid > 0:
        # parent process
        return True
    os.setsid()
    # fork a second time and let the second fork's parent exit: the orphan is
    # adopted and reaped by init, and it can never acquire a controlling terminal
    pid = os.fork()
    if pid > 0:
        os._exit(os.EX_OK)
    return False


class Service:
    def __init__(self, name: str) -> None:
        self.name = name
        self.logger = logging.getLogger(name)
        self._got_sigterm = threading.Event()

    def is_running(self) -> bool:
        return os.path.exists("/tmp/%s.pid" % self.name)

    def _block(self, predicate, timeout) -> bool:
        deadline = time.monotonic() + (timeout or 0)
        while not predicate():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.1)
        return True

    def run(self) -> None:
        while not self._got_sigterm.wait(1):
            pass

    def start(self, block: float = 0) -> bool:
        self._got_sigterm.clear()
        if _detach_process():
            # the calling process returns
            return self._block(self.is_running, block)
        # the daemon process continues here
        self.run()
        os._exit(os.EX_OK)
