from __future__ import annotations

import json
from collections import defaultdict


class EventProcessor:
    def __init__(self, protocol) -> None:
        self.protocol = protocol
        self.handlers = defaultdict(lambda: defaultdict(list))

    def register(self, event: str, callback, selector: str | None = None) -> None:
        key = str(id(callback)) if selector else "_"
        self.handlers[event][key].append(callback)
        if event not in ("init", "load", "close"):
            self.dispatch({"name": "subscribe", "event": event, "selector": selector or "html", "key": str(id(callback))})

    def unregister(self, event: str, callback, selector: str | None = None) -> None:
        if event not in self.handlers:
            return
        if selector is None:
            self.handlers[event]["_"].remove(callback)
        else:
            self.handlers[event].pop(str(id(callback)))
        if "_" in self.handlers[event] and not self.handlers[event]["_"]:
            self.handlers[event].pop("_")
        if not self.handlers[event]:
            self.handlers.pop(event)
        if event not in ("init", "load", "close"):
            self.dispatch({"name": "unsubscribe", "event": event, "selector": selector, "key": str(id(callback))})

    def dispatch(self, command: dict) -> None:
        self.protocol.send(json.dumps(command).encode("utf-8"))


class View:
    def __init__(self, processor: EventProcessor, events: list) -> None:
        self.processor = processor
        self.events = events

    def load(self) -> None:
        for event, callback, selector in self.events:
            self.processor.register(event, callback, selector)

    def unload(self) -> None:
        for event, callback, selector in self.events:
            self.processor.unregister(event, callback, selector)
