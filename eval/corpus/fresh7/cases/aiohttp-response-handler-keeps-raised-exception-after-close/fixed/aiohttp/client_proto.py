from __future__ import annotations

import asyncio
from typing import Any, Optional

from .streams import DataQueue


class ResponseHandler(asyncio.Protocol, DataQueue):
    """Helper class to adapt between Protocol and StreamReader."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        DataQueue.__init__(self, loop)
        self.transport: Optional[asyncio.Transport] = None
        self._should_close = False
        self._payload: Any = None
        self._parser: Any = None
        self.closed: asyncio.Future = loop.create_future()

    @property
    def should_close(self) -> bool:
        return bool(self._should_close or self._exception is not None or self._buffer)

    def connection_made(self, transport) -> None:
        self.transport = transport

    def close(self) -> None:
        self._exception = None  # Break cyclic references
        transport = self.transport
        if transport is not None:
            transport.close()
            self.transport = None
            self._payload = None

    def connection_lost(self, exc: Optional[BaseException]) -> None:
        if exc is None:
            self.closed.set_result(None)
        else:
            self.closed.set_exception(ConnectionError(f"Connection lost: {exc!s}"))
            self.set_exception(exc)
        self.transport = None
        self._payload = None
        self._parser = None
