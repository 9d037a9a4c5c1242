from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Awaitable, Callable

UnsubscribeCallback = Callable[[], None]


@dataclass(frozen=True)
class SysvarStateChangedEvent:
    state_path: str
    value: Any
    received_at: datetime


class EventBus:
    """Process-wide publish/subscribe bus of one central unit."""

    def __init__(self) -> None:
        self._subscriptions: dict = defaultdict(lambda: defaultdict(list))

    def subscribe(self, *, event_type: type, event_key: str,
                  handler: Callable[..., Awaitable[None]]) -> UnsubscribeCallback:
        handlers = self._subscriptions[event_type][event_key]
        handlers.append(handler)

        def unsubscribe() -> None:
            if handler in handlers:
                handlers.remove(handler)

        return unsubscribe

    async def publish(self, *, event_key: str, event: Any) -> None:
        for handler in list(self._subscriptions[type(event)][event_key]):
            await handler(event=event)
