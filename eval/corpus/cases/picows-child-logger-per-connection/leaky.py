from __future__ import annotations

import logging

_logger = logging.getLogger("picows")


class Transport:
    def __init__(self, sock) -> None:
        self.sock = sock
        self.logger = _logger.getChild(str(sock.fileno()))  # LEAK

    def send(self, data: bytes) -> None:
        self.logger.debug("send %d bytes", len(data))
        self.sock.sendall(data)
