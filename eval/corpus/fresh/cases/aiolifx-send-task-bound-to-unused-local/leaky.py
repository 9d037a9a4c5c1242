from __future__ import annotations

import asyncio


class Device(asyncio.DatagramProtocol):
    def __init__(self, loop: asyncio.AbstractEventLoop, mac: str) -> None:
        self.loop = loop
        self.mac = mac
        self.transport: asyncio.DatagramTransport | None = None
        self.pending: dict[int, object] = {}
        self.seq = 0

    async def try_sending(self, payload: bytes, timeout: float, attempts: int) -> None:
        for _ in range(attempts):
            if self.transport is not None:
                self.transport.sendto(payload)
            await asyncio.sleep(timeout)

    def req_with_ack(self, payload: bytes, callback=None, timeout: float = 0.5, attempts: int = 3) -> bool:
        self.seq = (self.seq + 1) % 256
        self.pending[self.seq] = callback
        xx = self.loop.create_task(self.try_sending(payload, timeout, attempts))  # LEAK
        return True
