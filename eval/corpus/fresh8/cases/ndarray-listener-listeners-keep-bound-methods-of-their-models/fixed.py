from __future__ import annotations

import weakref

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
        self._listeners.append(_weak_callback(me))

    def _notify(self) -> None:
        dirty = False
        for ref in self._listeners:
            callback = ref()
            if callback is None:
                dirty = True
            else:
                callback()
        if dirty:
            self._listeners = [ref for ref in self._listeners if ref() is not None]


def _weak_callback(callback):
    try:
        return weakref.WeakMethod(callback)
    except TypeError:
        def _callback():
            try:
                return weakref.proxy(callback)
            except ReferenceError:
                return None
        return _callback


class LinearModel:
    def __init__(self, offset: np.ndarray) -> None:
        self._offset = NotifyingArray(offset)
        self._offset.talk_to(self._update)
        self._cache_valid = False

    def _update(self) -> None:
        self._cache_valid = False

    def fit(self, X: np.ndarray, y: np.ndarray) -> np.ndarray:
        self._cache_valid = True
        return np.linalg.lstsq(X, y - self._offset, rcond=None)[0]
