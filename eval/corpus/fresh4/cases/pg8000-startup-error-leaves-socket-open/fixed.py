from __future__ import annotations

import socket
import struct
from typing import Optional

READY_FOR_QUERY = b"Z"
ERROR_RESPONSE = b"E"


class DatabaseError(Exception):
    pass


class CoreConnection:
    def __init__(self, user: str, host: str = "localhost", port: int = 5432,
                 database: Optional[str] = None, timeout: Optional[float] = None) -> None:
        self.user = user.encode("utf8")
        self.database = (database or user).encode("utf8")
        try:
            self._usock = socket.create_connection((host, port), timeout)
        except socket.error as e:
            raise DatabaseError(f"Can't create a connection to host {host} and port {port}") from e
        self._sock = self._usock.makefile(mode="rwb")
        self.error: Optional[DatabaseError] = None

        self._send_startup()
        code = None
        while code not in (READY_FOR_QUERY, ERROR_RESPONSE):
            code, length = struct.unpack("!ci", self._sock.read(5))
            body = self._sock.read(length - 4)
            if code == ERROR_RESPONSE:
                self.error = DatabaseError(body.decode("utf8", errors="replace"))
        if self.error is not None:
            # the caller never receives this object: close the socket before raising
            self.close()
            raise self.error
        self.in_transaction = False

    def _send_startup(self) -> None:
        body = b"user\x00" + self.user + b"\x00database\x00" + self.database + b"\x00\x00"
        self._sock.write(struct.pack("!ii", len(body) + 8, 196608) + body)
        self._sock.flush()

    def close(self) -> None:
        try:
            self._sock.write(b"X\x00\x00\x00\x04")
            self._sock.flush()
            self._sock.close()
        finally:
            self._usock.close()
