from __future__ import annotations

import weakref


class EventSource:
    def __init__(self) -> None:
        self._listeners: list = []

    def subscribe(self, method) -> None:
        self._listeners.append(weakref.WeakMethod(method))

    def emit(self, event) -> None:
        alive = []
        for ref in self._listeners:
            method = ref()
            if method is not None:
                method(event)
                alive.append(ref)
        self._listeners = alive


class Subscriber:
    def __init__(self, source: EventSource) -> None:
        self.events: list = []
        source.subscribe(self.on_event)

    def on_event(self, event) -> None:
        self.events.append(event)
