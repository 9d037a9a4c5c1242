from __future__ import annotations

import socket
from typing import Callable, List, TypeVar

T = TypeVar("T")


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

    def _make_call(self, function: Callable[[PbcConnection], T]) -> T:
        try:
            conn = self._get_conn()  # LEAK
            result = function(conn)
            self._put_conn(conn)
        except Exception:
            raise
        return result

    def ping(self) -> bool:
        return self._make_call(lambda conn: conn.send_message(1, b"") == b"\x02")
