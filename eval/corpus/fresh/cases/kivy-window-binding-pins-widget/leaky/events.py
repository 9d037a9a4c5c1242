from __future__ import annotations

from typing import Any, Callable


class EventDispatcher:
    def __init__(self) -> None:
        self._observers: dict[str, list[Callable[..., None]]] = {}

    def bind(self, **handlers: Callable[..., None]) -> None:
        for name, handler in handlers.items():
            self._observers.setdefault(name, []).append(handler)  # LEAK

    def dispatch(self, name: str, *args: Any) -> None:
        for handler in self._observers.get(name, []):
            handler(self, *args)


window = EventDispatcher()
