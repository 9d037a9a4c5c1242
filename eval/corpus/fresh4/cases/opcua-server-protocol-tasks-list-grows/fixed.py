from __future__ import annotations

import asyncio
import logging
from typing import Optional

logger = logging.getLogger(__name__)


class OPCUAProtocol(asyncio.Protocol):
    """Instantiated for every connection."""

    def __init__(self, iserver, clients, closing_tasks):
        self.transport = None
        self.processor = None
        self.iserver = iserver
        self.clients = clients
        self.closing_tasks = closing_tasks
        self.messages = asyncio.Queue()
        self._task = None

    def connection_made(self, transport):
        self.transport = transport
        self.processor = self.iserver.make_processor(transport)
        self.iserver.asyncio_transports.append(transport)
        self.clients.append(self)
        self._task = self.iserver.loop.create_task(self._process_received_message_loop())

    def connection_lost(self, ex):
        logger.info("Lost connection: %s", ex)
        self.transport.close()
        self.iserver.asyncio_transports.remove(self.transport)
        closing_task = self.iserver.loop.create_task(self.processor.close())
        self.closing_tasks.append(closing_task)
        if self in self.clients:
            self.clients.remove(self)
        self.messages.put_nowait((None, None))
        self._task.cancel()

    async def _process_received_message_loop(self):
        while True:
            header, buf = await self.messages.get()
            if header is None and buf is None:
                break
            await self.processor.process(header, buf)


class BinaryServer:
    def __init__(self, internal_server, hostname, port):
        self.hostname = hostname
        self.port = port
        self.iserver = internal_server
        self._server: Optional[asyncio.AbstractServer] = None
        self.clients = []
        self.closing_tasks = []
        self.cleanup_task = None

    def _make_protocol(self):
        return OPCUAProtocol(iserver=self.iserver, clients=self.clients, closing_tasks=self.closing_tasks)

    async def start(self):
        self._server = await self.iserver.loop.create_server(self._make_protocol, self.hostname, self.port)
        self.cleanup_task = self.iserver.loop.create_task(self._await_closing_tasks())

    async def stop(self):
        for transport in self.iserver.asyncio_transports:
            transport.close()
        # stop the cleanup loop and run it one last time
        self.cleanup_task.cancel()
        try:
            await self.cleanup_task
        except asyncio.CancelledError:
            pass
        await self._await_closing_tasks(recursive=False)
        if self._server:
            self._server.close()
            await self._server.wait_closed()

    async def _await_closing_tasks(self, recursive=True):
        while self.closing_tasks:
            task = self.closing_tasks.pop()
            try:
                await task
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("Unexpected crash in BinaryServer._await_closing_tasks")
        if recursive:
            await asyncio.sleep(10)
            await self._await_closing_tasks()
