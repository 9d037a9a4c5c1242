from __future__ import annotations

import weakref
from typing import Any, Callable, List, Tuple, Union

Callback = Union[Callable[[Any], None], Tuple["weakref.ReferenceType[Any]", str]]


class EventEmitter:
    def __init__(self, source: Any = None) -> None:
        self.source = source
        self._callbacks: List[Callback] = []  # LEAK

    def connect(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        if hasattr(callback, "__self__"):
            # keep only a weak reference to the object of a bound method
            entry: Callback = (weakref.ref(callback.__self__), callback.__name__)
        else:
            entry = callback
        self._callbacks.append(entry)  # LEAK
        return callback

    def __call__(self, event: Any) -> None:
        for entry in self._callbacks:
            if isinstance(entry, tuple):
                obj = entry[0]()
                if obj is None:
                    continue  # the object is gone, but its entry stays
                getattr(obj, entry[1])(event)
            else:
                entry(event)
