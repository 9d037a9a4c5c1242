from __future__ import annotations

import asyncio
from typing import Any, Optional, Set


class IMAP4ClientProtocol(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop, conn_lost_cb: Optional[Any] = None) -> None:
        self.loop = loop
        self.transport: Any = None
        self.conn_lost_cb = conn_lost_cb
        self.incomplete_line = b""
        self.tasks: Set[asyncio.Future] = set()

    def _keep(self, coro: Any) -> None:
        # the loop only keeps a weak reference: hold the task until it is done
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self._keep(self.welcome())

    def data_received(self, data: bytes) -> None:
        self.incomplete_line += data
        while b"\r\n" in self.incomplete_line:
            line, _, self.incomplete_line = self.incomplete_line.partition(b"\r\n")
            self._keep(self.handle_line(line))

    def connection_lost(self, exc: Optional[Exception]) -> None:
        if self.conn_lost_cb is not None:
            self._keep(self.conn_lost_cb(exc))

    async def welcome(self) -> None:
        await asyncio.sleep(0)

    async def handle_line(self, line: bytes) -> None:
        await asyncio.sleep(0)
