from __future__ import annotations

import socket
import struct
from typing import Optional


class DNSRecord:
    def __init__(self, payload: bytes) -> None:
        self.payload = payload

    def pack(self) -> bytes:
        return self.payload

    def send(self, dest: str, port: int = 53, tcp: bool = False, timeout: Optional[float] = None,
             ipv6: bool = False) -> bytes:
        """Send the packet to dest and return the raw reply."""
        data = self.pack()
        family = socket.AF_INET6 if ipv6 else socket.AF_INET
        if tcp:
            if len(data) > 65535:
                raise ValueError("Packet length too long: %d" % len(data))
            data = struct.pack("!H", len(data)) + data
            sock = socket.socket(family, socket.SOCK_STREAM)  # LEAK
            if timeout is not None:
                sock.settimeout(timeout)
            sock.connect((dest, port))
            sock.sendall(data)
            response = sock.recv(8192)
            length = struct.unpack("!H", bytes(response[:2]))[0]
            while len(response) - 2 < length:
                response += sock.recv(8192)
            sock.close()
            response = response[2:]
        else:
            sock = socket.socket(family, socket.SOCK_DGRAM)  # LEAK
            if timeout is not None:
                sock.settimeout(timeout)
            sock.sendto(self.pack(), (dest, port))
            response, _server = sock.recvfrom(8192)
            sock.close()
        return response
