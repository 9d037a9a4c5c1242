from __future__ import annotations

import asyncio
from typing import Any, Callable


class PubSub:
    def __init__(self, conn: "Connection") -> None:
        self.conn = conn
        self._subscriptions: list[dict[str, Any]] = []

    def subscribe(self, event: str, handler: Callable[..., Any]) -> None:
        self._subscriptions.append({"event": event, "handler": handler})


class AioPubSub(PubSub):
    def queue_handler(self, handler: Callable[..., Any], data: Any = None) -> None:
        conn = self.conn

        async def handler_coroutine() -> None:
            try:
                if asyncio.iscoroutinefunction(handler):
                    await handler(conn, data)
                else:
                    handler(conn, data)
            except Exception as error:
                conn.main_quit(error)

        asyncio.ensure_future(handler_coroutine())  # LEAK

    def emit(self, event: str, data: Any) -> None:
        for sub in self._subscriptions:
            if sub["event"] == event:
                self.queue_handler(sub["handler"], data)


class Connection:
    def __init__(self) -> None:
        self._pubsub = AioPubSub(self)
        self._subscribed: set[str] = set()
        self._error: Exception | None = None

    async def _subscribe(self, event: str) -> None:
        self._subscribed.add(event)

    def on(self, event: str, handler: Callable[..., Any]) -> None:
        self._pubsub.subscribe(event, handler)
        asyncio.ensure_future(self._subscribe(event))  # LEAK

    def dispatch(self, event: str, data: Any) -> None:
        self._pubsub.emit(event, data)

    def main_quit(self, error: Exception | None = None) -> None:
        self._error = error
