from __future__ import annotations

import socket


def _handshake(sock: socket.socket) -> None:
    sock.sendall(b"AMQP\x00\x00\x09\x01")
    if not sock.recv(8):
        raise ConnectionError("server closed during handshake")


def connect(host: str, port: int, timeout: float = 5.0) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=timeout)
    try:
        _handshake(sock)
    except BaseException:
        sock.close()
        raise
    return sock
