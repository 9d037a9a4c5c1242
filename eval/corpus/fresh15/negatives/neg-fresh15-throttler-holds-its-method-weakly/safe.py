import threading
import weakref
from typing import Any, Callable, Optional


class Debouncer:
    def __init__(self, method: Callable[[], Any], timeout: float) -> None:
        self._method = weakref.WeakMethod(method)
        self._timeout = timeout
        self._timer: Optional[threading.Timer] = None

    def __call__(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self._timeout, self._fire)
        self._timer.start()

    def _fire(self) -> None:
        method = self._method()
        if method is not None:
            method()


class Viewer:
    def __init__(self) -> None:
        self.redraws = 0
        self.request_redraw = Debouncer(self.redraw, 0.05)

    def redraw(self) -> None:
        self.redraws += 1
