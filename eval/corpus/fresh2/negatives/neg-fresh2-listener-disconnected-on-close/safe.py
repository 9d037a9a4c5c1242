from __future__ import annotations

import weakref
from typing import Any, Callable


class EventBus:
    def __init__(self) -> None:
        self._listeners: dict[str, list[weakref.WeakMethod]] = {}

    def subscribe(self, event: str, method: Callable[[Any], None]) -> None:
        self._listeners.setdefault(event, []).append(weakref.WeakMethod(method))

    def unsubscribe(self, event: str, method: Callable[[Any], None]) -> None:
        self._listeners[event] = [ref for ref in self._listeners.get(event, []) if ref() != method]

    def publish(self, event: str, payload: Any) -> None:
        alive = []
        for ref in self._listeners.get(event, []):
            method = ref()
            if method is not None:
                alive.append(ref)
                method(payload)
        self._listeners[event] = alive


BUS = EventBus()


class StatusLabel:
    def __init__(self) -> None:
        self.text = ""
        BUS.subscribe("status", self.on_status)

    def on_status(self, message: str) -> None:
        self.text = message

    def close(self) -> None:
        BUS.unsubscribe("status", self.on_status)
