from __future__ import annotations

import weakref
from typing import Any, Callable, ClassVar, List, Optional


class Broadcaster:
    """Process-wide pub/sub singleton; subscribers are held weakly."""

    _instance: ClassVar[Optional["Broadcaster"]] = None
    _subscribers: ClassVar[List[Any]] = []

    def __new__(cls) -> "Broadcaster":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    @classmethod
    def subscribe(cls, callback: Callable[[Any], None]) -> None:
        ref = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else weakref.ref(callback)
        if all(existing() is not callback for existing in cls._subscribers):
            cls._subscribers.append(ref)

    @classmethod
    def broadcast(cls, event: Any) -> None:
        alive = []
        for ref in cls._subscribers:
            callback = ref()
            if callback is not None:
                alive.append(ref)
                callback(event)
        cls._subscribers[:] = alive  # in place: the ClassVar list is shared

    @classmethod
    def get_subscriber_count(cls) -> int:
        cls._subscribers[:] = [ref for ref in cls._subscribers if ref() is not None]
        return len(cls._subscribers)


class TenantSession:
    def __init__(self, tenant: str) -> None:
        self.tenant = tenant
        self.history: List[Any] = []
        Broadcaster.subscribe(self.on_event)

    def on_event(self, event: Any) -> None:
        self.history.append(event)


def handle_request(tenant: str, payload: Any) -> int:
    session = TenantSession(tenant)
    Broadcaster.broadcast(payload)
    return len(session.history)
