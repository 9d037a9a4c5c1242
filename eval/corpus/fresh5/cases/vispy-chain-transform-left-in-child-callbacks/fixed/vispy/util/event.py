from __future__ import annotations

import inspect
import weakref
from typing import Any, List


class EventEmitter:
    def __init__(self, source: Any = None, type: str = "") -> None:
        self.source = source
        self.type = type
        self._callbacks: List[Any] = []

    def _normalize_cb(self, callback: Any) -> Any:
        # a bound method becomes a (weakref to self, method name) pair: no strong reference
        if inspect.ismethod(callback):
            callback = (callback.__self__, callback.__name__)
        if isinstance(callback, tuple) and not isinstance(callback[0], weakref.ref):
            callback = (weakref.ref(callback[0]),) + callback[1:]
        return callback

    def connect(self, callback: Any) -> Any:
        entry = self._normalize_cb(callback)
        if entry not in self._callbacks:
            self._callbacks.insert(0, entry)
        return callback

    def disconnect(self, callback: Any = None) -> None:
        if callback is None:
            self._callbacks = []
            return
        entry = self._normalize_cb(callback)
        if entry in self._callbacks:
            self._callbacks.remove(entry)

    def __call__(self, **kwargs: Any) -> None:
        for entry in list(self._callbacks):
            if isinstance(entry, tuple):
                obj = entry[0]()
                if obj is None:
                    continue
                getattr(obj, entry[1])(**kwargs)
            else:
                entry(**kwargs)
