from __future__ import annotations

import weakref
from typing import Any, Callable


class EventDispatcher:
    def __init__(self) -> None:
        self._observers: dict[str, list[Callable[[], Any]]] = {}

    def bind(self, **handlers: Callable[..., None]) -> None:
        for name, handler in handlers.items():
            if hasattr(handler, "__self__"):
                ref: Callable[[], Any] = weakref.WeakMethod(handler)
            else:
                ref = lambda handler=handler: handler
            self._observers.setdefault(name, []).append(ref)

    def dispatch(self, name: str, *args: Any) -> None:
        alive = []
        for ref in self._observers.get(name, []):
            handler = ref()
            if handler is not None:
                alive.append(ref)
                handler(self, *args)
        self._observers[name] = alive


window = EventDispatcher()
