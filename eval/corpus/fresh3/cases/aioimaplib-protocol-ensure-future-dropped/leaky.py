from __future__ import annotations

import asyncio
from typing import Any, Optional


class IMAP4ClientProtocol(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop, conn_lost_cb: Optional[Any] = None) -> None:
        self.loop = loop
        self.transport: Any = None
        self.conn_lost_cb = conn_lost_cb
        self.incomplete_line = b""

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        asyncio.ensure_future(self.welcome())  # LEAK

    def data_received(self, data: bytes) -> None:
        self.incomplete_line += data
        while b"\r\n" in self.incomplete_line:
            line, _, self.incomplete_line = self.incomplete_line.partition(b"\r\n")
            asyncio.ensure_future(self.handle_line(line))  # LEAK

    def connection_lost(self, exc: Optional[Exception]) -> None:
        if self.conn_lost_cb is not None:
            asyncio.ensure_future(self.conn_lost_cb(exc))  # LEAK

    async def welcome(self) -> None:
        await asyncio.sleep(0)

    async def handle_line(self, line: bytes) -> None:
        await asyncio.sleep(0)
