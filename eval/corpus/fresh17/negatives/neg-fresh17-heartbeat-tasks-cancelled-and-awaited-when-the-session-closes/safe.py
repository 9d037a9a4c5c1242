import asyncio
from typing import Any, List


class BeatingSession:
    def __init__(self, transport: Any, every: float) -> None:
        self.transport = transport
        self.every = every
        self.last_seen = 0.0
        self._tasks: List[asyncio.Task] = []

    def open(self) -> None:
        loop = asyncio.get_running_loop()
        self.last_seen = loop.time()
        self._tasks = [
            loop.create_task(self._send_beats()),
            loop.create_task(self._watch_beats()),
        ]

    def heard(self) -> None:
        self.last_seen = asyncio.get_running_loop().time()

    async def _send_beats(self) -> None:
        while True:
            self.transport.write(b"beat")
            await asyncio.sleep(self.every)

    async def _watch_beats(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(self.every * 2)
            if loop.time() - self.last_seen > self.every * 2:
                self.transport.close()
                return

    async def close(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self.transport.close()
