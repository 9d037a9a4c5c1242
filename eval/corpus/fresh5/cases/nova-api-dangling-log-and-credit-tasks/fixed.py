from __future__ import annotations

import asyncio
from typing import Any, Dict, Set

background_tasks: Set[asyncio.Task] = set()


def spawn(coro) -> asyncio.Task:
    task = asyncio.create_task(coro)
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)
    return task


async def log_api_request(user: Dict[str, Any], incoming: Dict[str, Any], target_url: str) -> None:
    await asyncio.sleep(0)


async def update_credits(user: Dict[str, Any], cost: int) -> None:
    await asyncio.sleep(0)
    user["credits"] -= cost


async def respond(user: Dict[str, Any], incoming: Dict[str, Any], target_url: str, cost: int) -> Dict[str, Any]:
    spawn(log_api_request(user, incoming, target_url))
    response = {"model": incoming.get("model"), "choices": []}
    spawn(update_credits(user, cost))
    return response
