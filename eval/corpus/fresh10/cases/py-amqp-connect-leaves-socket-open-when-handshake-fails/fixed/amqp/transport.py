from __future__ import annotations

import socket
from ssl import SSLError
from struct import pack
from typing import Optional

AMQP_PORT = 5672
AMQP_PROTOCOL_HEADER = b"AMQP\x00\x00\x09\x01"


class _AbstractTransport(object):
    """Common superclass for TCP and SSL transports."""

    def __init__(self, host: str, connect_timeout: Optional[float] = None,
                 read_timeout: Optional[int] = None, write_timeout: Optional[int] = None) -> None:
        self.connected = False
        self.sock: Optional[socket.socket] = None
        self.host, _, port = host.partition(":")
        self.port = int(port or AMQP_PORT)
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.write_timeout = write_timeout

    def connect(self) -> None:
        try:
            # are we already connected?
            if self.connected:
                return
            self._connect(self.host, self.port, self.connect_timeout)
            self._init_socket(self.read_timeout, self.write_timeout)
            # the banner was sent: we are connected
            self.connected = True
        except (OSError, IOError, SSLError):
            # if not fully connected, close the socket and re-raise
            if self.sock and not self.connected:
                self.sock.close()
                self.sock = None
            raise

    def _connect(self, host: str, port: int, timeout: Optional[float]) -> None:
        for af, socktype, proto, _, sa in socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_STREAM):
            self.sock = socket.socket(af, socktype, proto)
            self.sock.settimeout(timeout)
            self.sock.connect(sa)
            return

    def _init_socket(self, read_timeout: Optional[int], write_timeout: Optional[int]) -> None:
        self.sock.settimeout(None)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        for timeout, interval in ((socket.SO_SNDTIMEO, write_timeout), (socket.SO_RCVTIMEO, read_timeout)):
            if interval is not None:
                self.sock.setsockopt(socket.SOL_SOCKET, timeout, pack("ll", interval, 0))
        self._write(AMQP_PROTOCOL_HEADER)

    def _write(self, data: bytes) -> None:
        self.sock.sendall(data)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.shutdown(socket.SHUT_RDWR)
            self.sock.close()
            self.sock = None
        self.connected = False


class TCPTransport(_AbstractTransport):
    pass


def Transport(host: str, connect_timeout: Optional[float] = None, ssl: bool = False, **kwargs) -> _AbstractTransport:
    return TCPTransport(host, connect_timeout=connect_timeout, **kwargs)
