import threading
from typing import Any, Callable, Optional, Set

# Every running call is held here, as the event loop holds its scheduled calls.
_RUNNING: Set["LoopingCall"] = set()


class LoopingCall:
    def __init__(self, func: Callable[[], Any]) -> None:
        self.func = func
        self.running = False
        self._timer: Optional[threading.Timer] = None
        self._interval = 0.0

    def _tick(self) -> None:
        if self.running:
            self.func()
            self._schedule()

    def _schedule(self) -> None:
        self._timer = threading.Timer(self._interval, self._tick)
        self._timer.daemon = True
        self._timer.start()

    def start(self, interval: float) -> None:
        self._interval = interval
        self.running = True
        _RUNNING.add(self)
        self._schedule()

    def stop(self) -> None:
        self.running = False
        _RUNNING.discard(self)
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
