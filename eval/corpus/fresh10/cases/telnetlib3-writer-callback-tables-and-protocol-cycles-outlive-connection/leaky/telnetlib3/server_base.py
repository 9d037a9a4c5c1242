from __future__ import annotations

import asyncio
import datetime

from .stream_reader import TelnetReader
from .stream_writer import TelnetWriter


class BaseServer(asyncio.streams.FlowControlMixin, asyncio.Protocol):
    def __init__(self, shell=None, encoding: str = "utf8") -> None:
        super().__init__()
        self._loop = asyncio.get_event_loop()
        self.shell = shell
        self.default_encoding = encoding
        self._closing = False
        self._waiter_connected = self._loop.create_future()
        self._waiter_closed = self._loop.create_future()

    def encoding(self, outgoing=None, incoming=None) -> str:
        return self.default_encoding

    def connection_lost(self, exc) -> None:
        if self._closing:
            return
        self._closing = True
        if exc is None:
            self.reader.feed_eof()
        else:
            self.reader.set_exception(exc)
        self._transport.close()
        self._waiter_connected.cancel()
        if self.shell is None:
            self._waiter_closed.set_result(self)

    def connection_made(self, transport) -> None:
        self._transport = transport  # LEAK
        self._when_connected = datetime.datetime.now()
        self.reader = TelnetReader(fn_encoding=self.encoding, loop=self._loop)  # LEAK
        self.writer = TelnetWriter(transport=transport, protocol=self, reader=self.reader, server=True,  # LEAK
                                   fn_encoding=self.encoding, loop=self._loop)
        self._waiter_connected.add_done_callback(self.begin_shell)
        self._loop.call_soon(self.begin_negotiation)

    def begin_negotiation(self) -> None:
        self._waiter_connected.set_result(self)

    def begin_shell(self, result) -> None:
        if self.shell is not None:
            coro = self.shell(self.reader, self.writer)
            if asyncio.iscoroutine(coro):
                fut = self._loop.create_task(coro)
                fut.add_done_callback(lambda fut_obj: self._waiter_closed.set_result(self))

    def data_received(self, data: bytes) -> None:
        self.reader.feed_data(data)
