import threading
from typing import Any, Callable, List


class FutureCall:
    _calls: List["FutureCall"] = []
    _lock = threading.Lock()

    def __init__(self, func: Callable[..., Any], *args: Any) -> None:
        self.func = func
        self.args = args
        with self._lock:
            self._calls.append(self)

    def dispatch(self) -> None:
        try:
            self.func(*self.args)
        finally:
            with self._lock:
                self._calls.remove(self)
