from __future__ import annotations

import threading
from typing import Callable, Optional


class Debouncer:
    def __init__(self, delay: float, action: Callable[[], None]) -> None:
        self.delay = delay
        self.action = action
        self._lock = threading.Lock()
        self._timer: Optional[threading.Timer] = None

    def _cancel_pending(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            if self._timer is not threading.current_thread():
                self._timer.join()
            self._timer = None

    def trigger(self) -> None:
        with self._lock:
            self._cancel_pending()
            self._timer = threading.Timer(self.delay, self.action)
            self._timer.daemon = True
            self._timer.start()

    def close(self) -> None:
        with self._lock:
            self._cancel_pending()
