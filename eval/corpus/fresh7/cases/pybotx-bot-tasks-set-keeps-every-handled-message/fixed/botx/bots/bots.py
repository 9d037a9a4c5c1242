"""Implementation for bot classes."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List
from weakref import WeakSet

from botx.bots.mixins.lifespan import LifespanMixin


class ExceptionMiddleware:
    def __init__(self, handlers: Dict[str, Callable]) -> None:
        self.handlers = handlers

    async def __call__(self, message: Any) -> None:
        handler = self.handlers.get(message.command)
        if handler is not None:
            await handler(message)


@dataclass
class Bot(LifespanMixin):
    """Class that implements bot behaviour."""

    handlers: Dict[str, Callable] = field(default_factory=dict)
    startup_events: List[Callable] = field(default_factory=list)
    shutdown_events: List[Callable] = field(default_factory=list)
    exception_middleware: ExceptionMiddleware = field(init=False)

    tasks: WeakSet = field(init=False, default_factory=WeakSet)

    def __post_init__(self) -> None:
        self.exception_middleware = ExceptionMiddleware(self.handlers)

    async def __call__(self, message: Any) -> None:
        """Find the handler for a message and run it in the background."""
        self.tasks.add(asyncio.ensure_future(self.exception_middleware(message)))
