from __future__ import annotations

import threading
from typing import Callable, Optional


class KeepAlive:
    def __init__(self, interval: float, ping: Callable[[], None]) -> None:
        self._interval = interval
        self._ping = ping
        self._timer: Optional[threading.Timer] = None
        self._lock = threading.Lock()
        self._closed = False

    def _fire(self) -> None:
        self._ping()
        self.arm()

    def arm(self) -> None:
        with self._lock:
            if self._closed:
                return
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self._interval, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            if timer is not threading.current_thread():
                timer.join()
