"""Lifespan mixin for bot."""
from __future__ import annotations

import asyncio
from typing import Callable, List, Set


async def callable_to_coroutine(func: Callable, *args):
    result = func(*args)
    if asyncio.iscoroutine(result):
        return await result
    return result


class LifespanMixin:
    """Lifespan events mixin for bot."""

    #: currently running tasks.
    tasks: Set[asyncio.Future]
    startup_events: List[Callable]
    shutdown_events: List[Callable]

    async def start(self) -> None:
        for event in self.startup_events:
            await callable_to_coroutine(event, self)

    async def shutdown(self) -> None:
        await self.wait_current_handlers()
        for event in self.shutdown_events:
            await callable_to_coroutine(event, self)

    async def wait_current_handlers(self) -> None:
        """Wait until all current tasks are done."""
        if self.tasks:
            tasks, _ = await asyncio.wait(self.tasks, return_when=asyncio.ALL_COMPLETED)
            for task in tasks:
                task.result()
        self.tasks.clear()
