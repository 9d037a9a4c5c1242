from __future__ import annotations

import asyncio


class Notifier:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self.sent: list[str] = []

    def notify(self, message: str) -> None:
        task = asyncio.get_running_loop().create_task(self._send(message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send(self, message: str) -> None:
        await asyncio.sleep(0)
        self.sent.append(message)
