from __future__ import annotations

import socket


def local_ip() -> str:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # LEAK
    try:
        s.connect(("10.255.255.255", 1))
        address = s.getsockname()[0]
        s.close()
        return address
    except OSError:
        return "127.0.0.1"
