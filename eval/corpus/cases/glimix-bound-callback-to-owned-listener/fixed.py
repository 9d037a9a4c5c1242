from __future__ import annotations

import weakref


class Scalar:
    def __init__(self, value: float) -> None:
        self.value = value
        self._listeners: list = []

    def listen(self, callback) -> None:
        self._listeners.append(weakref.WeakMethod(callback))

    def set(self, value: float) -> None:
        self.value = value
        for ref in self._listeners:
            callback = ref()
            if callback is not None:
                callback()


class LMM:
    def __init__(self, y, X) -> None:
        self.y = y
        self.X = X
        self._logistic = Scalar(0.0)
        self._logistic.listen(self._parameters_update)

    def _parameters_update(self) -> None:
        self._cache = None
