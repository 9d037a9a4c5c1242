from __future__ import annotations

import asyncio
from typing import Any


class BlockDevice:
    def __init__(self, host: str) -> None:
        self.host = host
        self.initialized = False
        self._initializing = False
        self.status: dict = {}
        self._init_task: asyncio.Task[None] | None = None

    def _coap_message_received(self, payload: dict) -> None:
        if not self._initializing and not self.initialized:
            loop = asyncio.get_running_loop()
            self._init_task = loop.create_task(self._async_init())

            def _clear_init_task(_: Any) -> None:
                self._init_task = None

            self._init_task.add_done_callback(_clear_init_task)
        if payload:
            self.status.update(payload)

    async def _async_init(self) -> None:
        self._initializing = True
        try:
            await asyncio.sleep(0)
            self.initialized = True
        finally:
            self._initializing = False
