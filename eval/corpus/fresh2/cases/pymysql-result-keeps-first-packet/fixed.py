from __future__ import annotations

import socket
import weakref


class Packet:
    """One protocol packet; it can ask its connection for more data."""

    def __init__(self, payload: bytes, connection: "Connection") -> None:
        self._payload = payload
        self.connection = connection

    def is_ok(self) -> bool:
        return self._payload[:1] == b"\x00"

    def column_count(self) -> int:
        return self._payload[0]


class QueryResult:
    def __init__(self, connection: "Connection") -> None:
        # the result already refers to its connection weakly
        self.connection = weakref.proxy(connection)
        self.affected_rows = 0
        self.rows: list[bytes] = []

    def read(self) -> None:
        # the first packet is only needed while reading: keep it in a local
        first_packet = self.connection.read_packet()
        if first_packet.is_ok():
            self.affected_rows = 1
        else:
            self._read_rows(first_packet.column_count())

    def _read_rows(self, columns: int) -> None:
        for _ in range(columns):
            self.rows.append(self.connection.read_packet()._payload)


class Connection:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._result: QueryResult | None = None

    def read_packet(self) -> Packet:
        header = self._sock.recv(4)
        length = int.from_bytes(header[:3], "little")
        return Packet(self._sock.recv(length), self)

    def query(self, sql: str) -> int:
        self._sock.sendall(sql.encode())
        result = QueryResult(self)
        result.read()
        self._result = result
        return result.affected_rows
