from __future__ import annotations

from typing import Any, Callable, List, Optional

from .client import Client


class Event:
    def __init__(self) -> None:
        self.callbacks: List[Callable[..., Any]] = []

    def subscribe(self, callback: Callable[..., Any], *, client: Optional[Client] = None) -> None:
        if client is not None:
            client.on_delete(lambda: self.unsubscribe(callback))
        self.callbacks.append(callback)

    def unsubscribe(self, callback: Callable[..., Any]) -> None:
        self.callbacks[:] = [c for c in self.callbacks if c != callback]

    def emit(self, *args: Any) -> None:
        for callback in list(self.callbacks):
            callback(*args)
