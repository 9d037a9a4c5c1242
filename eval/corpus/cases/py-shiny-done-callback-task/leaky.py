from __future__ import annotations

import asyncio


class ExtendedTask:
    def __init__(self, lock: asyncio.Lock) -> None:
        self.lock = lock
        self.value = None
        self.status = "running"

    def _done_callback(self, future: asyncio.Future) -> None:
        async def _finish() -> None:
            async with self.lock:
                self.value = future.result()
                self.status = "done"

        asyncio.create_task(_finish())  # LEAK
