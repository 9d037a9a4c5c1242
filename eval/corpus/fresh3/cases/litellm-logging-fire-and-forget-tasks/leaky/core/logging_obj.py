from __future__ import annotations

import asyncio
from typing import Any, Dict, List


class Logging:
    def __init__(self, callbacks: List[Any]) -> None:
        self.callbacks = callbacks

    async def async_success_handler(self, result: Dict[str, Any]) -> None:
        for callback in self.callbacks:
            await callback.log_success(result)

    async def async_failure_handler(self, error: Exception) -> None:
        for callback in self.callbacks:
            await callback.log_failure(error)

    def on_success(self, result: Dict[str, Any]) -> None:
        asyncio.create_task(self.async_success_handler(result))  # LEAK

    def on_failure(self, error: Exception) -> None:
        asyncio.create_task(self.async_failure_handler(error))  # LEAK
