from __future__ import annotations

import socket


class Loop:
    def _make_socket_transport(self, sock, protocol, waiter):
        raise NotImplementedError

    async def _create_connection_transport(self, sock: socket.socket, protocol_factory, waiter):
        sock.setblocking(False)
        protocol = protocol_factory()
        transport = self._make_socket_transport(sock, protocol, waiter)
        try:
            await waiter
        except BaseException:
            transport.close()
            raise
        return transport, protocol

    async def create_connection(self, protocol_factory, host: str, port: int, waiter):
        sock = socket.create_connection((host, port))  # LEAK
        return await self._create_connection_transport(sock, protocol_factory, waiter)
