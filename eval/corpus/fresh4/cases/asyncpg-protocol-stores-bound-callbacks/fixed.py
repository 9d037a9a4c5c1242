from __future__ import annotations

import asyncio


class BaseProtocol(asyncio.Protocol):
    def __init__(self, loop: asyncio.AbstractEventLoop, con_params) -> None:
        self.loop = loop
        self.con_params = con_params
        self.transport = None
        self.waiter = None
        self.timeout_handle = None
        self.queries_count = 0

    def connection_made(self, transport) -> None:
        self.transport = transport

    def _new_waiter(self, timeout):
        self.waiter = self.loop.create_future()
        if timeout is not None:
            self.timeout_handle = self.loop.call_later(timeout, self._on_timeout, self.waiter)
        self.waiter.add_done_callback(self._on_waiter_completed)
        return self.waiter

    def _on_timeout(self, fut) -> None:
        if self.waiter is fut and not fut.done():
            fut.set_exception(asyncio.TimeoutError())

    def _on_waiter_completed(self, fut) -> None:
        if self.timeout_handle is not None:
            self.timeout_handle.cancel()
            self.timeout_handle = None

    async def query(self, sql: str, timeout=None):
        waiter = self._new_waiter(timeout)
        self.transport.write(sql.encode())
        self.queries_count += 1
        return await waiter

    def abort(self) -> None:
        if self.transport is not None:
            self.transport.abort()
            self.transport = None
