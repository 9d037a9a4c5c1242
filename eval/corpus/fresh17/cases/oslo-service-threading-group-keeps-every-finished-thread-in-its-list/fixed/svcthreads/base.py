import threading
from typing import Any, List


class ThreadGroupBase:
    def __init__(self, thread_pool_size: int = 10) -> None:
        self.thread_pool_size = thread_pool_size
        self.threads: List[threading.Thread] = []
        self.timers: List[Any] = []

    def _stop_threads(self) -> None:
        raise NotImplementedError

    def _wait_threads(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        for timer in self.timers:
            timer.stop()
        self.timers = []
        self._stop_threads()

    def wait(self) -> None:
        self._wait_threads()
