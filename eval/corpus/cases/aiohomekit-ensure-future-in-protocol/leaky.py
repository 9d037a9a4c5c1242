from __future__ import annotations

import asyncio


class EventProtocol(asyncio.Protocol):
    def __init__(self, handler) -> None:
        self.handler = handler

    def data_received(self, data: bytes) -> None:
        asyncio.ensure_future(self._process(data))  # LEAK

    async def _process(self, data: bytes) -> None:
        await self.handler(data.decode())
