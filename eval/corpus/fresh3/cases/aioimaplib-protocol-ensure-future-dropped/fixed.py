from __future__ import annotations

import asyncio
from typing import Any, Optional, Set


class IMAP4ClientProtocol(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: Any = None
        self.state = "STARTED"
        self.incomplete_line = b""
        self.tasks: Set[asyncio.Future] = set()

    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.state = "CONNECTED"

    def data_received(self, data: bytes) -> None:
        self.incomplete_line += data
        while b"\r\n" in self.incomplete_line:
            line, _, self.incomplete_line = self.incomplete_line.partition(b"\r\n")
            self._handle_line(line.decode())

    def _handle_line(self, line: str) -> None:
        if self.state == "CONNECTED":
            task = asyncio.ensure_future(self.welcome(line))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def welcome(self, line: str) -> None:
        self.state = "NONAUTH"


class IMAP4:
    def __init__(self, protocol: IMAP4ClientProtocol) -> None:
        self.protocol = protocol
        self._idle_waiter: Optional[asyncio.TimerHandle] = None
        self.tasks: Set[asyncio.Future] = set()

    async def stop_wait_server_push(self) -> None:
        await asyncio.sleep(0)

    async def idle_start(self, timeout: float = 29 * 60) -> None:
        if self._idle_waiter is not None:
            self._idle_waiter.cancel()

        def start_stop_wait_server_push() -> None:
            task = asyncio.ensure_future(self.stop_wait_server_push())
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

        self._idle_waiter = self.protocol.loop.call_later(timeout, start_stop_wait_server_push)
