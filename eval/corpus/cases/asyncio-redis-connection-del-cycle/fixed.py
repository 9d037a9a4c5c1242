from __future__ import annotations

import asyncio
import weakref


class RedisProtocol(asyncio.Protocol):
    def __init__(self, on_connection_lost) -> None:
        self._on_connection_lost = weakref.WeakMethod(on_connection_lost)
        self.transport = None

    def connection_lost(self, exc) -> None:
        callback = self._on_connection_lost()
        if callback is not None:
            callback(exc)


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.protocol = RedisProtocol(self._reconnect)

    def _reconnect(self, exc) -> None:
        pass

    def close(self) -> None:
        if self.protocol.transport is not None:
            self.protocol.transport.close()
