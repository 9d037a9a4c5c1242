import contextlib
from typing import Any, Callable, Dict, List

Handler = Callable[[Dict[str, Any]], None]


class Bus:
    def __init__(self) -> None:
        self.handlers: Dict[str, List[Handler]] = {}

    def on(self, event: str, handler: Handler) -> None:
        self.handlers.setdefault(event, []).append(handler)

    def remove(self, event: str, handler: Handler) -> None:
        if handler in self.handlers.get(event, []):
            self.handlers[event].remove(handler)


class Plugin:
    def __init__(self, bus: Bus) -> None:
        self.bus = bus
        self._cleanup = contextlib.ExitStack()
        self.played: List[str] = []

    def initialize(self) -> None:
        for event, handler in (("play", self.play), ("stop", self.stop)):
            self.bus.on(event, handler)
            self._cleanup.callback(self.bus.remove, event, handler)

    def play(self, message: Dict[str, Any]) -> None:
        self.played.append(str(message.get("song", "")))

    def stop(self, message: Dict[str, Any]) -> None:
        self.played.clear()

    def shutdown(self) -> None:
        self._cleanup.close()
