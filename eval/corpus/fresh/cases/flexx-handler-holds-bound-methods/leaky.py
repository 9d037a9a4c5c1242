from __future__ import annotations

from typing import Any, Callable


class Handler:
    """Calls its connected functions when an event fires."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._connections: list[Callable[[Any], None]] = []

    def connect(self, func: Callable[[Any], None]) -> None:
        self._connections.append(func)  # LEAK

    def disconnect(self, func: Callable[[Any], None]) -> None:
        self._connections.remove(func)

    def fire(self, event: Any) -> None:
        for func in self._connections:
            func(event)


app_closed = Handler("app_closed")


class Painter:
    def __init__(self) -> None:
        self.strokes: list = []
        app_closed.connect(self.on_close)  # LEAK

    def on_close(self, event: Any) -> None:
        self.strokes.clear()
