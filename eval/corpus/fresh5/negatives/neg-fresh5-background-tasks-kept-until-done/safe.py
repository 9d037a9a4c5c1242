from __future__ import annotations

import asyncio
from typing import Set


class Notifier:
    def __init__(self) -> None:
        self._tasks: Set[asyncio.Task] = set()
        self.sent: list = []

    async def _send(self, user: str, text: str) -> None:
        await asyncio.sleep(0)
        self.sent.append((user, text))

    def notify(self, user: str, text: str) -> None:
        task = asyncio.create_task(self._send(user, text))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks)
