from __future__ import annotations

import asyncio
import socket


async def connect_tcp(host: str, port: int) -> socket.socket:
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, (host, port))
    except OSError:
        sock.close()
        raise
    return sock
