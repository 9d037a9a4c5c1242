from __future__ import annotations

import contextlib
import socket


def connect(host: str, port: int, greeting: bytes) -> socket.socket:
    with contextlib.ExitStack() as stack:
        sock = stack.enter_context(socket.create_connection((host, port), timeout=5))
        if sock.recv(len(greeting)) != greeting:
            raise ConnectionError("unexpected greeting")
        stack.pop_all()
        return sock
