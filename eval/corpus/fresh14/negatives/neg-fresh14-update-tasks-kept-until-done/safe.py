import asyncio
from typing import Any, Awaitable, Callable, Dict, Set


class Dispatcher:
    def __init__(self, handle: Callable[[Dict[str, Any]], Awaitable[None]]) -> None:
        self._handle = handle
        self._tasks: Set["asyncio.Task[None]"] = set()

    def feed(self, update: Dict[str, Any]) -> None:
        task = asyncio.create_task(self._handle(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
