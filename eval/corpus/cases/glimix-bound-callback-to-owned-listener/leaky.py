from __future__ import annotations


class Scalar:
    def __init__(self, value: float) -> None:
        self.value = value
        self._listeners: list = []

    def listen(self, callback) -> None:
        self._listeners.append(callback)

    def set(self, value: float) -> None:
        self.value = value
        for callback in self._listeners:
            callback()


class LMM:
    def __init__(self, y, X) -> None:
        self.y = y
        self.X = X
        self._logistic = Scalar(0.0)
        self._logistic.listen(self._parameters_update)  # LEAK

    def _parameters_update(self) -> None:
        self._cache = None
