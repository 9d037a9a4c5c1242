from __future__ import annotations

import socket


def probe(host: str, port: int, payload: bytes, timeout: float = 2.0) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((host, port))
        sock.sendall(payload)
        return sock.recv(4096)
    finally:
        sock.close()
