from __future__ import annotations

import socket
import struct
from typing import Optional


def query(host: str, port: int, payload: bytes, timeout: Optional[float] = 5.0) -> bytes:
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(struct.pack("!H", len(payload)) + payload)
        header = sock.recv(2)
        if len(header) < 2:
            raise ConnectionError("short reply")
        (length,) = struct.unpack("!H", header)
        reply = b""
        while len(reply) < length:
            chunk = sock.recv(length - len(reply))
            if not chunk:
                raise ConnectionError("connection closed mid-reply")
            reply += chunk
        return reply
