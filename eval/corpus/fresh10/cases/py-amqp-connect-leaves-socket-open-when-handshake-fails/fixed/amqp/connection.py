from __future__ import annotations

import socket
from ssl import SSLError
from typing import Callable, Optional

from .transport import Transport


class Connection(object):
    Transport = staticmethod(Transport)

    def __init__(self, host: str = "localhost:5672", connect_timeout: float = None,
                 read_timeout: int = None, write_timeout: int = None) -> None:
        self.host = host
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.write_timeout = write_timeout
        self._transport = None
        self._handshake_complete = False

    @property
    def connected(self) -> bool:
        return self._transport is not None and self._transport.connected and self._handshake_complete

    def connect(self, callback: Optional[Callable[[], None]] = None) -> None:
        if self.connected:
            return callback() if callback else None
        try:
            self._transport = self.Transport(
                self.host, self.connect_timeout, read_timeout=self.read_timeout, write_timeout=self.write_timeout,
            )
            self._transport.connect()
            while not self._handshake_complete:
                self.drain_events(timeout=self.connect_timeout)
        except (OSError, IOError, SSLError):
            self.collect()
            raise

    def drain_events(self, timeout: Optional[float] = None) -> None:
        self._transport.sock.settimeout(timeout)
        data = self._transport.sock.recv(4096)
        if not data:
            raise IOError("Server unexpectedly closed connection")
        if data.startswith(b"\x01\x00\x00"):
            self._handshake_complete = True

    def collect(self) -> None:
        try:
            if self._transport:
                self._transport.close()
        except socket.error:
            pass  # connection already closed on the other end
        finally:
            self._transport = None
