from __future__ import annotations

import logging
import socket
from typing import Optional, Tuple

log = logging.getLogger(__name__)


class ModbusUdpClient:
    def __init__(self, host: str, port: int = 502, source_address: Optional[Tuple[str, int]] = None,
                 timeout: float = 3) -> None:
        self.host = host
        self.port = port
        self.source_address = source_address
        self.timeout = timeout
        self.socket: Optional[socket.socket] = None

    @property
    def connected(self) -> bool:
        return self.socket is not None

    def connect(self) -> bool:
        if self.socket:
            return True
        try:
            self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self.socket.settimeout(self.timeout)
            if self.source_address:
                self.socket.bind(self.source_address)
        except OSError as exc:
            log.error("Unable to create udp socket %s", exc)
            self.close()
        return self.socket is not None

    def close(self) -> None:
        """Close the underlying socket connection."""
        if self.socket:
            self.socket.close()
        self.socket = None

    def send(self, request: bytes) -> int:
        if not self.socket:
            raise ConnectionError(str(self))
        return self.socket.sendto(request, (self.host, self.port))
