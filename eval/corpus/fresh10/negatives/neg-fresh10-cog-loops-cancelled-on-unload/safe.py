from __future__ import annotations

import asyncio
from typing import Optional


class Poller:
    def __init__(self, fetch, interval: float = 60.0) -> None:
        self._fetch = fetch
        self._interval = interval
        self._task: Optional[asyncio.Task] = None

    async def _run(self) -> None:
        while True:
            await self._fetch()
            await asyncio.sleep(self._interval)

    async def cog_load(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def cog_unload(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
