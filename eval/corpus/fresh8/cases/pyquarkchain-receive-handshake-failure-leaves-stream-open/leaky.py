from __future__ import annotations

import asyncio
import logging


class HandshakeFailure(Exception):
    pass


class PeerConnectionLost(Exception):
    pass


class OperationCancelled(Exception):
    pass


class NodeServer:
    def __init__(self, host: str, port: int, peer_pool) -> None:
        self.host = host
        self.port = port
        self.peer_pool = peer_pool
        self.logger = logging.getLogger("p2p.server")
        self._listener = None

    async def start(self) -> None:
        self._listener = await asyncio.start_server(self.receive_handshake, self.host, self.port)

    async def receive_handshake(self, reader: asyncio.StreamReader,  # LEAK
                                writer: asyncio.StreamWriter) -> None:
        expected = (TimeoutError, PeerConnectionLost, HandshakeFailure, asyncio.IncompleteReadError)
        try:
            await self._receive_handshake(reader, writer)
        except expected as e:
            self.logger.debug("could not complete handshake: %s", e)
        except OperationCancelled:
            pass
        except Exception:
            self.logger.exception("unexpected error handling handshake")

    async def _receive_handshake(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        msg = await asyncio.wait_for(reader.read(307), timeout=10)
        if len(msg) < 307:
            raise HandshakeFailure("short auth message")
        ip, port, *_ = writer.get_extra_info("peername")
        await self.peer_pool.add_inbound_peer(msg, (ip, port), reader, writer)
