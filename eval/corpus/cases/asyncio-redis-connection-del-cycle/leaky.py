from __future__ import annotations

import asyncio


class RedisProtocol(asyncio.Protocol):
    def __init__(self, on_connection_lost) -> None:
        self.on_connection_lost = on_connection_lost
        self.transport = None

    def connection_lost(self, exc) -> None:
        self.on_connection_lost(exc)


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.protocol = RedisProtocol(self._reconnect)  # LEAK

    def _reconnect(self, exc) -> None:
        pass

    def __del__(self) -> None:  # LEAK
        if self.protocol.transport is not None:
            self.protocol.transport.close()
