from __future__ import annotations

from typing import Any, Callable


class Coordinator:
    def __init__(self, event_bus) -> None:
        self._event_bus = event_bus
        self._points: dict[str, Any] = {}
        self._unsubscribes: dict[str, Callable[[], None]] = {}

    def add_point(self, point) -> None:
        self._points[point.key] = point

        async def on_change(*, event) -> None:
            if event.key == point.key:
                await point.update(event.value)

        self._unsubscribes[point.key] = self._event_bus.subscribe(event_key=point.key, handler=on_change)

    def remove_point(self, key: str) -> None:
        self._points.pop(key, None)
        unsubscribe = self._unsubscribes.pop(key, None)
        if unsubscribe is not None:
            unsubscribe()

    def stop(self) -> None:
        for unsubscribe in self._unsubscribes.values():
            unsubscribe()
        self._unsubscribes.clear()
        self._points.clear()
