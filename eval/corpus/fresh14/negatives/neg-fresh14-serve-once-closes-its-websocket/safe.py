import asyncio
import socket
from typing import Callable


def serve_once(host: str, port: int, handle: Callable[[socket.socket], None]) -> None:
    sock = socket.create_connection((host, port), timeout=30)
    try:
        handle(sock)
    finally:
        sock.close()


async def supervise(host: str, port: int, handle: Callable[[socket.socket], None]) -> None:
    failures = 0
    while True:
        try:
            await asyncio.to_thread(serve_once, host, port, handle)
            failures = 0
        except OSError:
            failures += 1
        await asyncio.sleep(min(2 ** failures, 30))
