from __future__ import annotations

import asyncio


class ExtendedTask:
    def __init__(self, lock: asyncio.Lock) -> None:
        self.lock = lock
        self.value = None
        self.status = "running"
        self._completions: set[asyncio.Task] = set()

    def _done_callback(self, future: asyncio.Future) -> None:
        async def _finish() -> None:
            async with self.lock:
                self.value = future.result()
                self.status = "done"

        task = asyncio.create_task(_finish())
        self._completions.add(task)
        task.add_done_callback(self._completions.discard)
