from __future__ import annotations

import socket


def open_connection(host: str, port: int, timeout: float = 5.0) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=timeout)
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:
        sock.close()
        raise
    return sock


def ping(host: str, port: int) -> bytes:
    with open_connection(host, port) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(64)
