from __future__ import annotations

import asyncio


class EventProtocol(asyncio.Protocol):
    def __init__(self, handler) -> None:
        self.handler = handler
        self._background: set[asyncio.Future] = set()

    def data_received(self, data: bytes) -> None:
        task = asyncio.ensure_future(self._process(data))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _process(self, data: bytes) -> None:
        await self.handler(data.decode())
