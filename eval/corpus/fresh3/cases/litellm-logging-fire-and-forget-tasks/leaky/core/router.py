from __future__ import annotations

import asyncio
from typing import Any, Dict


class Router:
    def __init__(self, cache: Any) -> None:
        self.cache = cache

    async def _update_usage(self, deployment: str, tokens: int) -> None:
        await self.cache.increment(deployment, tokens)

    async def acompletion(self, deployment: str, request: Dict[str, Any]) -> Dict[str, Any]:
        response = {"deployment": deployment, "tokens": len(str(request))}
        asyncio.create_task(self._update_usage(deployment, response["tokens"]))  # LEAK
        return response
