from __future__ import annotations

import asyncio
from typing import Any, Coroutine, Set

# strong references to fire-and-forget tasks until they finish
_background_tasks: Set["asyncio.Task[Any]"] = set()


def create_background_task(coro: Coroutine[Any, Any, Any]) -> "asyncio.Task[Any]":
    task = asyncio.create_task(coro)
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    return task
