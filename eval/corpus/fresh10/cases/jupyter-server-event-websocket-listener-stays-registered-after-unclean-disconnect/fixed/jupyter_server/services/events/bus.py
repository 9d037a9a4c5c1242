from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable, Dict, Set

Listener = Callable[["EventLogger", str, Dict[str, Any]], Awaitable[None]]


class EventLogger:
    """The server-wide event bus: one instance for the whole server process."""

    def __init__(self) -> None:
        self._modified_listeners: Set[Listener] = set()
        self._tasks: Set[asyncio.Task] = set()

    def add_listener(self, *, listener: Listener) -> None:
        self._modified_listeners.add(listener)

    def remove_listener(self, *, listener: Listener) -> None:
        self._modified_listeners.discard(listener)

    def emit(self, *, schema_id: str, data: Dict[str, Any]) -> None:
        for listener in list(self._modified_listeners):
            task = asyncio.ensure_future(listener(self, schema_id, data))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
