from typing import Any, Callable, Dict, List, Tuple

Handler = Callable[[Dict[str, Any]], None]


class MessageBus:
    def __init__(self) -> None:
        self.handlers: Dict[str, List[Handler]] = {}

    def on(self, event: str, handler: Handler) -> None:
        self.handlers.setdefault(event, []).append(handler)

    def remove(self, event: str, handler: Handler) -> None:
        if handler in self.handlers.get(event, []):
            self.handlers[event].remove(handler)

    def emit(self, event: str, message: Dict[str, Any]) -> None:
        for handler in list(self.handlers.get(event, [])):
            handler(message)


class Skill:
    def __init__(self, name: str) -> None:
        self.name = name
        self.bus: MessageBus = MessageBus()
        self.events: List[Tuple[str, Handler]] = []

    def bind(self, bus: MessageBus) -> None:
        self.bus = bus

    def add_event(self, event: str, handler: Handler) -> None:
        self.bus.on(event, handler)
        self.events.append((event, handler))

    def initialize(self) -> None:
        pass

    def shutdown(self) -> None:
        for event, handler in self.events:
            self.bus.remove(event, handler)
        self.events = []
