import asyncio
import logging
import time
from typing import Optional

logger = logging.getLogger("sanic.root")
GRACEFUL_SHUTDOWN_TIMEOUT = 15.0


class SanicProtocol(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: Optional[asyncio.Transport] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def close(self, timeout: Optional[float] = None) -> None:
        if self.transport:
            self.transport.close()
            if timeout is None:
                timeout = GRACEFUL_SHUTDOWN_TIMEOUT
            self.loop.call_later(timeout, self.abort)

    def abort(self) -> None:
        if self.transport:
            self.transport.abort()
            self.transport = None


class HttpProtocol(SanicProtocol):
    def __init__(self, loop: asyncio.AbstractEventLoop, keep_alive_timeout: float = 5.0, request_timeout: float = 60.0) -> None:
        super().__init__(loop)
        self.keep_alive_timeout = keep_alive_timeout
        self.request_timeout = request_timeout
        self._time = time.monotonic()
        self._task: Optional[asyncio.Task] = None
        self._buffer = bytearray()
        self._callback_check_timeouts: Optional[asyncio.TimerHandle] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self._task = self.loop.create_task(self.connection_task())
        self.check_timeouts()

    async def connection_task(self) -> None:
        await asyncio.sleep(3600)

    def data_received(self, data: bytes) -> None:
        self._time = time.monotonic()
        self._buffer += data

    def check_timeouts(self) -> None:
        if not self._task:
            return
        duration = time.monotonic() - self._time
        if duration > self.keep_alive_timeout:
            logger.debug("KeepAlive Timeout. Closing connection.")
            self._task.cancel()
            return
        interval = min(self.keep_alive_timeout, self.request_timeout) / 2
        self._callback_check_timeouts = self.loop.call_later(max(0.1, interval), self.check_timeouts)

    def close(self, timeout: Optional[float] = None) -> None:
        # a closed connection must not keep its timeout check scheduled on the loop
        if timeout is not None:
            super().close(timeout=timeout)
            return
        if self._callback_check_timeouts:
            self._callback_check_timeouts.cancel()
            if self.transport:
                self.transport.close()
                self.abort()
