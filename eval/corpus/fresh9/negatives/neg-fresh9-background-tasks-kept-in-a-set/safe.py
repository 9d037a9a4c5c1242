from __future__ import annotations

import asyncio
from typing import Set


class Client:
    def __init__(self) -> None:
        self._tasks: Set[asyncio.Task] = set()

    def start(self, coro) -> None:
        task = asyncio.create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def disconnect(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
