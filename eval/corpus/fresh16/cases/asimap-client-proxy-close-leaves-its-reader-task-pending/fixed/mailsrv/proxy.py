import asyncio
import logging
import socket
from typing import Any

log = logging.getLogger(__name__)


class ClientProxy:
    TERMINATOR = b"\n"

    def __init__(self, server: Any, name: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.server = server
        self.name = name
        self.reader = reader
        self.writer = writer
        self.connected = False

    async def close(self, cancel_reader: bool = True) -> None:
        self.connected = False
        try:
            if not self.writer.is_closing():
                self.writer.close()
            await self.writer.wait_closed()
            # the read loop may sit in readuntil() forever; cancel it unless
            # the read loop is the one closing us
            if cancel_reader:
                for task, proxy in list(self.server.clients.items()):
                    if proxy is self:
                        if not task.done():
                            task.cancel()
                            await task
                        break
        except socket.error:
            pass
        except asyncio.CancelledError:
            log.info("cancelled while closing %s", self.name)
            raise

    async def run(self) -> None:
        self.connected = True
        try:
            while self.connected:
                header = await self.reader.readuntil(self.TERMINATOR)
                if not header.startswith(b"{"):
                    break
                length = int(header.strip()[1:-1])
                body = await self.reader.readexactly(length)
                await self.server.dispatch(self, body.decode("latin-1"))
        finally:
            await self.close(cancel_reader=False)
