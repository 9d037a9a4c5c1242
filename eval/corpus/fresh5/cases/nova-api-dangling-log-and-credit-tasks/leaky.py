from __future__ import annotations

import asyncio
from typing import Any, Dict


async def log_api_request(user: Dict[str, Any], incoming: Dict[str, Any], target_url: str) -> None:
    await asyncio.sleep(0)


async def update_credits(user: Dict[str, Any], cost: int) -> None:
    await asyncio.sleep(0)
    user["credits"] -= cost


async def respond(user: Dict[str, Any], incoming: Dict[str, Any], target_url: str, cost: int) -> Dict[str, Any]:
    asyncio.create_task(log_api_request(user, incoming, target_url))  # LEAK
    response = {"model": incoming.get("model"), "choices": []}
    asyncio.create_task(update_credits(user, cost))  # LEAK
    return response
