from __future__ import annotations

import asyncio
import logging
from typing import Optional

logger = logging.getLogger(__name__)


class OPCUAProtocol(asyncio.Protocol):
    """Instantiated for every connection."""

    def __init__(self, iserver, clients, protocol_tasks):
        self.transport = None
        self.processor = None
        self.iserver = iserver
        self.clients = clients
        self.protocol_tasks = protocol_tasks
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
        self.protocol_tasks.append(closing_task)  # LEAK
        if self in self.clients:
            self.clients.remove(self)
        self.messages.put_nowait((None, None))
        self._task.cancel()
        self.protocol_tasks.append(self._task)  # LEAK

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
        self.protocol_tasks = []

    def _make_protocol(self):
        return OPCUAProtocol(iserver=self.iserver, clients=self.clients, protocol_tasks=self.protocol_tasks)

    async def start(self):
        self._server = await self.iserver.loop.create_server(self._make_protocol, self.hostname, self.port)

    async def stop(self):
        for transport in self.iserver.asyncio_transports:
            transport.close()
        results = await asyncio.gather(*self.protocol_tasks, return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                logger.error("An error occurred while closing a transport: %s", result)
        self.protocol_tasks = []
        if self._server:
            self._server.close()
            await self._server.wait_closed()
