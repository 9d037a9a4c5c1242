from __future__ import annotations

import asyncio
from typing import Optional


class StreamReader:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._buffer = bytearray()
        self._eof = False
        self._exception: Optional[BaseException] = None
        self._transport: Optional[asyncio.Transport] = None
        self._waiter: Optional[asyncio.Future] = None

    def set_transport(self, transport: asyncio.Transport) -> None:
        self._transport = transport

    def _wakeup_waiter(self) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def set_exception(self, exc: BaseException) -> None:
        self._exception = exc
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(exc)

    def feed_eof(self) -> None:
        self._eof = True
        self._wakeup_waiter()

    def feed_data(self, data: bytes) -> None:
        self._buffer.extend(data)
        self._wakeup_waiter()

    async def read(self, n: int) -> bytes:
        if self._exception is not None:
            raise self._exception
        while not self._buffer and not self._eof:
            self._waiter = self._loop.create_future()
            await self._waiter
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data


class StreamWriter:
    def __init__(self, transport: asyncio.Transport, protocol, reader: StreamReader, loop) -> None:
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def write(self, data: bytes) -> None:
        self._transport.write(data)

    def close(self) -> None:
        self._transport.close()


class StreamReaderProtocol(asyncio.Protocol):
    """Adapts a transport's callbacks to a StreamReader and a StreamWriter."""

    def __init__(self, stream_reader: StreamReader, client_connected_cb=None, loop=None) -> None:
        self._loop = loop
        self._stream_reader = stream_reader  # LEAK
        self._stream_writer: Optional[StreamWriter] = None
        self._client_connected_cb = client_connected_cb

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._stream_reader.set_transport(transport)
        if self._client_connected_cb is not None:
            self._stream_writer = StreamWriter(transport, self, self._stream_reader, self._loop)  # LEAK
            res = self._client_connected_cb(self._stream_reader, self._stream_writer)
            if asyncio.iscoroutine(res):
                self._loop.create_task(res)

    def connection_lost(self, exc: Optional[Exception]) -> None:
        if exc is None:
            self._stream_reader.feed_eof()
        else:
            self._stream_reader.set_exception(exc)

    def data_received(self, data: bytes) -> None:
        self._stream_reader.feed_data(data)

    def eof_received(self) -> bool:
        self._stream_reader.feed_eof()
        return True
