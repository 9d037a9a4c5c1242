from __future__ import annotations

import asyncio


class AccessoryDriver:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop

    def publish(self, accessory, payload: dict) -> None:
        self.loop.create_task(self._send_event(accessory, payload))  # LEAK

    async def _send_event(self, accessory, payload: dict) -> None:
        await accessory.notify(payload)
