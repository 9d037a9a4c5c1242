import asyncio
from typing import Optional


class Runner:
    def __init__(self) -> None:
        self.read_task: Optional[asyncio.Task] = None
        self.status_task: Optional[asyncio.Task] = None

    async def start(self) -> None:
        await self._close_tasks()
        loop = asyncio.get_running_loop()
        self.read_task = loop.create_task(self._read())
        self.status_task = loop.create_task(self._ping())

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _ping(self) -> None:
        while True:
            await asyncio.sleep(10)

    async def _close_tasks(self) -> None:
        tasks = [t for t in (self.read_task, self.status_task) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.read_task = self.status_task = None

    async def close(self) -> None:
        await self._close_tasks()
