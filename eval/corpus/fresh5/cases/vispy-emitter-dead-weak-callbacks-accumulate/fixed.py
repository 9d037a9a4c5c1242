from __future__ import annotations

import weakref
from typing import Any, Callable, List, Tuple, Union

Callback = Union[Callable[..., Any], Tuple[Any, str]]


class EventEmitter:
    def __init__(self, source: Any = None, type: str = "") -> None:
        self.source = source
        self.type = type
        self._callbacks: List[Any] = []

    def _prune_dead(self) -> None:
        self._callbacks = [entry for entry in self._callbacks
                           if not (isinstance(entry, tuple) and entry[0]() is None)]

    def connect(self, callback: Callback) -> Callback:
        self._prune_dead()
        if isinstance(callback, tuple):
            obj, name = callback
            entry: Any = (weakref.ref(obj), name)
        else:
            entry = callback
        if entry not in self._callbacks:
            self._callbacks.append(entry)
        return callback

    def __call__(self, **kwargs: Any) -> None:
        dead = False
        for entry in list(self._callbacks):
            if isinstance(entry, tuple):
                obj = entry[0]()
                if obj is None:
                    dead = True
                    continue
                getattr(obj, entry[1])(**kwargs)
            else:
                entry(**kwargs)
        if dead:
            self._prune_dead()
