import socket
import time
from typing import Optional, Tuple

from .waiting import wait_readable, wait_writable


def udp_exchange(wire: bytes, where: Tuple[str, int], timeout: Optional[float] = 2.0) -> bytes:
    expiration = None if timeout is None else time.time() + timeout
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.setblocking(False)
        wait_writable(sock, expiration)
        sock.sendto(wire, where)
        while True:
            wait_readable(sock, expiration)
            data, source = sock.recvfrom(65535)
            if source[0] == where[0]:
                return data
    finally:
        sock.close()
