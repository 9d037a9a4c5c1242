from __future__ import annotations

import asyncio
from typing import Awaitable, Set

running_tasks: Set[asyncio.Task] = set()


def create(coroutine: Awaitable) -> asyncio.Task:
    """Run a coroutine in the background and keep it referenced until it is done."""
    task = asyncio.ensure_future(coroutine)
    running_tasks.add(task)
    task.add_done_callback(running_tasks.discard)
    return task
