from __future__ import annotations

import atexit
import time
from threading import Event, Thread
from typing import Any


class IOLoopThread(Thread):
    """Runs an event loop in a daemon thread."""

    _exiting = False

    def __init__(self, loop: Any) -> None:
        super().__init__()
        self.daemon = True
        self.ioloop = loop

    @staticmethod
    @atexit.register
    def _notice_exit() -> None:
        # registered once for the class: no instance is kept alive
        IOLoopThread._exiting = True

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

    _exiting = False

    def __init__(self, address: str, time_to_dead: float = 1.0) -> None:
        super().__init__()
        self.daemon = True
        self.address = address
        self.time_to_dead = time_to_dead
        self._exit = Event()

    @staticmethod
    @atexit.register
    def _notice_exit() -> None:
        HBChannel._exiting = True

    def run(self) -> None:
        while not self._exit.is_set() and not self._exiting:
            time.sleep(self.time_to_dead)

    def stop(self) -> None:
        self._exit.set()
