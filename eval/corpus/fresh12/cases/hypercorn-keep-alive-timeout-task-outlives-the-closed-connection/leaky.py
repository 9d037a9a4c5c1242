import asyncio
from typing import Any, Callable, Optional

MAX_RECV = 2 ** 16


class TCPServer:
    def __init__(self, app, loop: asyncio.AbstractEventLoop, config, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter, protocol) -> None:
        self.app = app
        self.config = config
        self.loop = loop
        self.protocol = protocol
        self.reader = reader
        self.writer = writer
        self.timeout_lock = asyncio.Lock()
        self._keep_alive_timeout_handle: Optional[asyncio.Task] = None

    async def run(self) -> None:
        try:
            await self.protocol.initiate()
            await self._update_keep_alive_timeout()
            await self._read_data()
        except OSError:
            pass
        finally:
            await self._close()

    async def _read_data(self) -> None:
        while True:
            try:
                data = await self.reader.read(MAX_RECV)
            except (ConnectionError, OSError, asyncio.TimeoutError):
                await self.protocol.handle_closed()
                break
            if data == b"":
                await self._update_keep_alive_timeout()
                break
            await self.protocol.handle_data(data)
            await self._update_keep_alive_timeout()

    async def _close(self) -> None:
        try:
            self.writer.write_eof()
        except (NotImplementedError, OSError, RuntimeError):
            pass
        try:
            self.writer.close()
            await self.writer.wait_closed()
        except (BrokenPipeError, ConnectionResetError):
            pass

    async def _update_keep_alive_timeout(self) -> None:
        async with self.timeout_lock:
            if self._keep_alive_timeout_handle is not None:
                self._keep_alive_timeout_handle.cancel()
                try:
                    await self._keep_alive_timeout_handle
                except asyncio.CancelledError:
                    pass
            self._keep_alive_timeout_handle = None
            if self.protocol.idle:
                self._keep_alive_timeout_handle = self.loop.create_task(  # LEAK
                    _call_later(self.config.keep_alive_timeout, self._timeout))

    async def _timeout(self) -> None:
        await self.protocol.handle_closed()
        self.writer.close()


async def _call_later(timeout: float, callback: Callable[[], Any]) -> None:
    await asyncio.sleep(timeout)
    await asyncio.shield(callback())
