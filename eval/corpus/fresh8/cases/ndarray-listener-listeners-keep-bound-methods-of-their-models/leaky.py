from __future__ import annotations

import numpy as np


class NotifyingArray(np.ndarray):
    """A numpy array that calls its listeners whenever it is written to."""

    def __new__(cls, input_array):
        obj = np.asarray(input_array).view(cls)
        obj._listeners = getattr(input_array, "_listeners", [])
        return obj

    def __array_finalize__(self, obj) -> None:
        if obj is None:
            return
        self._listeners = getattr(obj, "_listeners", [])

    def __setitem__(self, *args, **kwargs) -> None:
        super().__setitem__(*args, **kwargs)
        self._notify()

    def talk_to(self, me) -> None:
        self._listeners.append(me)  # LEAK

    def _notify(self) -> None:
        for listener in self._listeners:
            listener()


class LinearModel:
    def __init__(self, offset: np.ndarray) -> None:
        self._offset = NotifyingArray(offset)
        self._offset.talk_to(self._update)  # LEAK
        self._cache_valid = False

    def _update(self) -> None:
        self._cache_valid = False

    def fit(self, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        self._cache_valid = True
        return np.linalg.lstsq(X, y - self._offset, rcond=None)[0]
