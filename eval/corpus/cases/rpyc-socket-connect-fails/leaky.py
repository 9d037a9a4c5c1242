from __future__ import annotations

import socket


class SocketStream:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    @classmethod
    def _connect(cls, host: str, port: int, timeout: float = 3.0) -> socket.socket:
        family, socktype, proto, _, sockaddr = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
        s = socket.socket(family, socktype, proto)  # LEAK
        s.settimeout(timeout)
        s.connect(sockaddr)
        return s

    @classmethod
    def connect(cls, host: str, port: int) -> "SocketStream":
        return cls(cls._connect(host, port))
