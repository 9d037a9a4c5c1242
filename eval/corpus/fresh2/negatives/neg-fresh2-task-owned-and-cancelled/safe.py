from __future__ import annotations

import asyncio
import contextlib
from typing import Optional


class Heartbeat:
    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.beats = 0
        self._task: Optional[asyncio.Task] = None

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            self.beats += 1

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
