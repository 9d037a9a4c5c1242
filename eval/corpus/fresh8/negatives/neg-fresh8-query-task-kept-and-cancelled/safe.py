from __future__ import annotations

import asyncio
from typing import Optional


class Browser:
    def __init__(self, zc) -> None:
        self.zc = zc
        self._sender: Optional[asyncio.Task] = None

    def start(self) -> None:
        self._sender = asyncio.ensure_future(self._send_queries())

    async def _send_queries(self) -> None:
        await self.zc.wait_for_start()
        while True:
            self.zc.send_query()
            await asyncio.sleep(1)

    def cancel(self) -> None:
        if self._sender is not None:
            self._sender.cancel()
            self._sender = None
