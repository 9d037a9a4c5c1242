from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable

_pending: set[asyncio.Future] = set()


def ensure_future(aw: Awaitable[Any]) -> asyncio.Future:
    """ensure_future that keeps the task alive until it is done."""
    task = asyncio.ensure_future(aw)
    _pending.add(task)
    task.add_done_callback(_pending.discard)
    return task


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

        ensure_future(handler_coroutine())

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
        ensure_future(self._subscribe(event))

    def dispatch(self, event: str, data: Any) -> None:
        self._pubsub.emit(event, data)

    def main_quit(self, error: Exception | None = None) -> None:
        self._error = error
