from __future__ import annotations

import asyncio


class BlockDevice:
    def __init__(self, host: str) -> None:
        self.host = host
        self.initialized = False
        self._initializing = False
        self.status: dict = {}

    def _coap_message_received(self, payload: dict) -> None:
        if not self._initializing and not self.initialized:
            loop = asyncio.get_running_loop()
            loop.create_task(self._async_init())  # LEAK
        if payload:
            self.status.update(payload)

    async def _async_init(self) -> None:
        self._initializing = True
        try:
            await asyncio.sleep(0)
            self.initialized = True
        finally:
            self._initializing = False
