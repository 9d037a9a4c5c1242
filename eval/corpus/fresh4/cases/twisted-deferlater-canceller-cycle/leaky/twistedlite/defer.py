from __future__ import annotations

from typing import Any, Callable, List, Optional


class CancelledError(Exception):
    pass


class AlreadyCalledError(Exception):
    pass


class Deferred:
    called = False

    def __init__(self, canceller: Optional[Callable[["Deferred"], None]] = None) -> None:
        self.callbacks: List[Callable[[Any], Any]] = []
        self._canceller = canceller  # LEAK
        self.result: Any = None

    def addCallback(self, callback: Callable[[Any], Any]) -> "Deferred":
        self.callbacks.append(callback)
        if self.called:
            self._runCallbacks()
        return self

    def callback(self, result: object) -> None:
        self._startRunCallbacks(result)

    def errback(self, fail: BaseException) -> None:
        self._startRunCallbacks(fail)

    def cancel(self) -> None:
        if not self.called:
            canceller = self._canceller
            if canceller:
                canceller(self)
            if not self.called:
                self.errback(CancelledError())

    def _startRunCallbacks(self, result: object) -> None:
        if self.called:
            raise AlreadyCalledError
        self.called = True
        self.result = result
        self._runCallbacks()

    def _runCallbacks(self) -> None:
        while self.callbacks:
            self.result = self.callbacks.pop(0)(self.result)
