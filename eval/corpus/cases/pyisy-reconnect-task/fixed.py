from __future__ import annotations

import asyncio


class EventStream:
    def __init__(self, loop: asyncio.AbstractEventLoop, connect) -> None:
        self.loop = loop
        self.connect = connect
        self._reconnect_task: asyncio.Task | None = None

    def on_disconnect(self, reason: str) -> None:
        if reason != "closed":
            self._reconnect_task = self.loop.create_task(self.reconnect(delay=5))

    async def reconnect(self, delay: int) -> None:
        await asyncio.sleep(delay)
        await self.connect()
