from typing import Any, Callable, Dict, List

from .signals import SignalBus


class Buddy:
    def __init__(self, bus: SignalBus, path: str) -> None:
        self.path = path
        self.icon: bytes = b""
        self.activities: List[str] = []
        bus.connect(path + ":IconChanged", self._on_icon_changed)
        bus.connect(path + ":JoinedActivity", self._on_joined)
        bus.connect(path + ":LeftActivity", self._on_left)

    def _on_icon_changed(self, icon: bytes) -> None:
        self.icon = icon

    def _on_joined(self, activity: str) -> None:
        self.activities.append(activity)

    def _on_left(self, activity: str) -> None:
        self.activities.remove(activity)


class PresenceService:
    def __init__(self, bus: SignalBus) -> None:
        self._bus = bus
        self._objcache: Dict[str, Buddy] = {}
        self.on_disappeared: List[Callable[[Buddy], Any]] = []

    def buddy(self, path: str) -> Buddy:
        obj = self._objcache.get(path)
        if obj is None:
            obj = Buddy(self._bus, path)
            self._objcache[path] = obj  # LEAK
        return obj

    def buddy_disappeared(self, path: str) -> None:
        if path in self._objcache:
            for callback in self.on_disappeared:
                callback(self._objcache[path])
