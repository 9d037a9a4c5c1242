import asyncio
from typing import Optional


class Protocol(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: Optional[asyncio.BaseTransport] = None
        self._check: Optional[asyncio.TimerHandle] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport
        self._schedule()

    def _schedule(self) -> None:
        self._check = self.loop.call_later(1.0, self._schedule)

    def connection_lost(self, exc: Optional[Exception]) -> None:
        if self._check is not None:
            self._check.cancel()
            self._check = None
        self.transport = None
