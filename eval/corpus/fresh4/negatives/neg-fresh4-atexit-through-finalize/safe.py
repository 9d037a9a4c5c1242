from __future__ import annotations

import socket
import weakref


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=10)
        # the finalizer holds the socket's close method, never self: the connection can be freed
        self._finalizer = weakref.finalize(self, self._sock.close)

    def send(self, data: bytes) -> None:
        self._sock.sendall(data)

    def close(self) -> None:
        self._finalizer()

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive
