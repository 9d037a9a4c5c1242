from __future__ import annotations

import logging
from typing import Any, Callable, List, Optional

from . import background_tasks
from .client import Client, ClientConnectionTimeout

log = logging.getLogger(__name__)


class Event:
    def __init__(self) -> None:
        self.callbacks: List[Callable[..., Any]] = []  # LEAK

    def subscribe(self, callback: Callable[..., Any], *, client: Optional[Client] = None) -> None:
        if client is not None:
            async def register_unsubscribe() -> None:
                try:
                    await client.connected()
                    client.on_delete(lambda: self.unsubscribe(callback))
                except ClientConnectionTimeout:
                    log.debug("Could not register a disconnect handler for callback %s", callback)
                    self.unsubscribe(callback)
            background_tasks.create(register_unsubscribe())
        self.callbacks.append(callback)  # LEAK

    def unsubscribe(self, callback: Callable[..., Any]) -> None:
        self.callbacks[:] = [c for c in self.callbacks if c != callback]

    def emit(self, *args: Any) -> None:
        for callback in list(self.callbacks):
            callback(*args)
