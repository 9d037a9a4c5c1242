from __future__ import annotations

import asyncio


class Room:
    def __init__(self) -> None:
        self.clients: list = []

    async def broadcast(self, update: bytes) -> None:
        await asyncio.gather(*(client.send(update) for client in self.clients))
