from __future__ import annotations

import atexit
import time
from threading import Event, Thread
from typing import Any


class IOLoopThread(Thread):
    """Runs an event loop in a daemon thread."""

    def __init__(self, loop: Any) -> None:
        super().__init__()
        self.daemon = True
        self._exiting = False
        atexit.register(self._notice_exit)  # LEAK
        self.ioloop = loop

    def _notice_exit(self) -> None:  # LEAK
        self._exiting = True

    def run(self) -> None:
        while True:
            try:
                self.ioloop.start()
            except Exception:
                if self._exiting:
                    break
                raise
            else:
                break


class HBChannel(Thread):
    """Pings the kernel in a daemon thread."""

    def __init__(self, address: str, time_to_dead: float = 1.0) -> None:
        super().__init__()
        self.daemon = True
        self.address = address
        self.time_to_dead = time_to_dead
        self._exiting = False
        self._exit = Event()
        atexit.register(self._notice_exit)  # LEAK

    def _notice_exit(self) -> None:  # LEAK
        self._exiting = True

    def run(self) -> None:
        while not self._exit.is_set() and not self._exiting:
            time.sleep(self.time_to_dead)

    def stop(self) -> None:
        self._exit.set()
