from __future__ import annotations

import asyncio


class AccessoryDriver:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self._tasks: set[asyncio.Task] = set()

    def publish(self, accessory, payload: dict) -> None:
        task = self.loop.create_task(self._send_event(accessory, payload))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _send_event(self, accessory, payload: dict) -> None:
        await accessory.notify(payload)
