from __future__ import annotations

import contextlib
import socket
from typing import Iterator, List


class PbcConnection:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port))

    def send_message(self, code: int, payload: bytes) -> bytes:
        self.sock.sendall(bytes([code]) + payload)
        return self.sock.recv(4096)


class CachedPbcTransport:
    def __init__(self, host: str = "127.0.0.1", port: int = 8087) -> None:
        self.host = host
        self.port = port
        self._idle: List[PbcConnection] = []

    def _get_conn(self) -> PbcConnection:
        if self._idle:
            return self._idle.pop()
        return PbcConnection(self.host, self.port)

    def _put_conn(self, conn: PbcConnection) -> None:
        self._idle.append(conn)

    @contextlib.contextmanager
    def _get_connection_from_pool(self) -> Iterator[PbcConnection]:
        conn = self._get_conn()
        try:
            yield conn
        finally:
            self._put_conn(conn)

    def ping(self) -> bool:
        with self._get_connection_from_pool() as conn:
            return conn.send_message(1, b"") == b"\x02"
