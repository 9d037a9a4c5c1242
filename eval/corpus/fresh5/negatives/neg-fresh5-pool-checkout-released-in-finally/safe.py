from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from typing import Iterator, List


class Pool:
    def __init__(self, address: tuple, size: int = 4) -> None:
        self.address = address
        self.size = size
        self._idle: List[socket.socket] = []
        self._lock = threading.Lock()

    def _checkout(self) -> socket.socket:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return socket.create_connection(self.address)

    def _checkin(self, conn: socket.socket) -> None:
        with self._lock:
            if len(self._idle) < self.size:
                self._idle.append(conn)
                return
        conn.close()

    @contextmanager
    def connection(self) -> Iterator[socket.socket]:
        conn = self._checkout()
        try:
            yield conn
        finally:
            self._checkin(conn)


def ping(pool: Pool) -> bytes:
    with pool.connection() as conn:
        conn.sendall(b"PING\r\n")
        return conn.recv(64)
