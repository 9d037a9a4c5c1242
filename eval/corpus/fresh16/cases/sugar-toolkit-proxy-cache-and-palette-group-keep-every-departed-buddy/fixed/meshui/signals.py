from typing import Any, Callable, Dict, List


class Match:
    def __init__(self, bus: "SignalBus", name: str, handler: Callable[..., Any]) -> None:
        self.bus = bus
        self.name = name
        self.handler = handler

    def remove(self) -> None:
        self.bus.handlers[self.name].remove(self)


class SignalBus:
    def __init__(self) -> None:
        self.handlers: Dict[str, List[Match]] = {}

    def connect(self, name: str, handler: Callable[..., Any]) -> Match:
        match = Match(self, name, handler)
        self.handlers.setdefault(name, []).append(match)
        return match

    def emit(self, name: str, *args: Any) -> None:
        for match in list(self.handlers.get(name, [])):
            match.handler(*args)
