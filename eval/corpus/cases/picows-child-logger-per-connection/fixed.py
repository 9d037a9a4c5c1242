from __future__ import annotations

import logging

_logger = logging.getLogger("picows")


class Transport:
    def __init__(self, sock) -> None:
        self.sock = sock
        self.logger = logging.LoggerAdapter(_logger, {"fd": sock.fileno()})

    def send(self, data: bytes) -> None:
        self.logger.debug("send %d bytes", len(data))
        self.sock.sendall(data)
