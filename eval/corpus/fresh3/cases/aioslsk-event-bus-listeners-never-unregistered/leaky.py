from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, DefaultDict, List, Type


class Event:
    pass


class TransferProgressEvent(Event):
    def __init__(self, transfer_id: int, progress: float) -> None:
        self.transfer_id = transfer_id
        self.progress = progress


class EventBus:
    def __init__(self) -> None:
        self._events: DefaultDict[Type[Event], List[Callable[[Any], None]]] = defaultdict(list)  # LEAK

    def register(self, event_class: Type[Event], listener: Callable[[Any], None]) -> None:
        self._events[event_class].append(listener)  # LEAK

    def emit(self, event: Event) -> None:
        for listener in list(self._events[type(event)]):
            listener(event)


class TransferWatcher:
    def __init__(self, bus: EventBus, transfer_id: int) -> None:
        self.transfer_id = transfer_id
        self.samples: List[float] = []
        bus.register(TransferProgressEvent, self.on_progress)  # LEAK

    def on_progress(self, event: TransferProgressEvent) -> None:
        if event.transfer_id == self.transfer_id:
            self.samples.append(event.progress)

    def close(self) -> None:
        self.samples.clear()
