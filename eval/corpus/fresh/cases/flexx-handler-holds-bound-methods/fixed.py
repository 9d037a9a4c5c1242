from __future__ import annotations

import weakref
from typing import Any, Callable


class Handler:
    """Calls its connected functions when an event fires; bound methods are held weakly."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._connections: list[tuple[Any, Callable[..., None]]] = []

    def connect(self, func: Callable[[Any], None]) -> None:
        owner = getattr(func, "__self__", None)
        if owner is not None:
            self._connections.append((weakref.ref(owner), func.__func__))
        else:
            self._connections.append((None, func))

    def fire(self, event: Any) -> None:
        alive = []
        for owner_ref, func in self._connections:
            if owner_ref is None:
                func(event)
                alive.append((owner_ref, func))
                continue
            owner = owner_ref()
            if owner is not None:
                func(owner, event)
                alive.append((owner_ref, func))
        self._connections = alive


app_closed = Handler("app_closed")


class Painter:
    def __init__(self) -> None:
        self.strokes: list = []
        app_closed.connect(self.on_close)

    def on_close(self, event: Any) -> None:
        self.strokes.clear()
