from __future__ import annotations

import asyncio


class Room:
    def __init__(self) -> None:
        self.clients: list = []

    async def broadcast(self, update: bytes) -> None:
        for client in self.clients:
            asyncio.create_task(client.send(update))  # LEAK
