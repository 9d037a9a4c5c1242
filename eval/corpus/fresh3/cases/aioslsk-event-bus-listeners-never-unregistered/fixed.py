from __future__ import annotations

import weakref
from types import MethodType
from typing import Any, Callable, Dict, List, Type


class Event:
    pass


class TransferProgressEvent(Event):
    def __init__(self, transfer_id: int, progress: float) -> None:
        self.transfer_id = transfer_id
        self.progress = progress


class EventBus:
    def __init__(self) -> None:
        self._events: Dict[Type[Event], List[Any]] = {}

    def register(self, event_class: Type[Event], listener: Callable[[Any], None]) -> None:
        # weak references: a listener whose object is destroyed unregisters itself
        ref_factory: Any = weakref.WeakMethod if isinstance(listener, MethodType) else weakref.ref
        ref = ref_factory(listener, lambda dead: self._remove_callback(event_class, dead))
        self._events.setdefault(event_class, []).append(ref)

    def unregister(self, event_class: Type[Event], listener: Callable[[Any], None]) -> None:
        if event_class not in self._events:
            return
        self._events[event_class] = [ref for ref in self._events[event_class] if listener != ref()]

    def _remove_callback(self, event_class: Type[Event], dead_ref: Any) -> None:
        self._events[event_class] = [ref for ref in self._events.get(event_class, []) if ref is not dead_ref]

    def emit(self, event: Event) -> None:
        for ref in list(self._events.get(type(event), [])):
            listener = ref()
            if listener is not None:
                listener(event)


class TransferWatcher:
    def __init__(self, bus: EventBus, transfer_id: int) -> None:
        self.transfer_id = transfer_id
        self.samples: List[float] = []
        bus.register(TransferProgressEvent, self.on_progress)

    def on_progress(self, event: TransferProgressEvent) -> None:
        if event.transfer_id == self.transfer_id:
            self.samples.append(event.progress)

    def close(self) -> None:
        self.samples.clear()
