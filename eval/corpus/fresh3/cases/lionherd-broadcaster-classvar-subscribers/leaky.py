from __future__ import annotations

from typing import Any, Callable, ClassVar, List, Optional


class Broadcaster:
    """Process-wide pub/sub singleton."""

    _instance: ClassVar[Optional["Broadcaster"]] = None
    _subscribers: ClassVar[List[Callable[[Any], None]]] = []  # LEAK

    def __new__(cls) -> "Broadcaster":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    @classmethod
    def subscribe(cls, callback: Callable[[Any], None]) -> None:
        if callback not in cls._subscribers:
            cls._subscribers.append(callback)  # LEAK

    @classmethod
    def broadcast(cls, event: Any) -> None:
        for callback in list(cls._subscribers):
            callback(event)

    @classmethod
    def get_subscriber_count(cls) -> int:
        return len(cls._subscribers)


class TenantSession:
    def __init__(self, tenant: str) -> None:
        self.tenant = tenant
        self.history: List[Any] = []
        Broadcaster.subscribe(self.on_event)  # LEAK

    def on_event(self, event: Any) -> None:
        self.history.append(event)


def handle_request(tenant: str, payload: Any) -> int:
    session = TenantSession(tenant)
    Broadcaster.broadcast(payload)
    return len(session.history)
