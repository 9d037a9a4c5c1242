from __future__ import annotations

import asyncio


async def acknowledge_all(messages) -> int:
    async with asyncio.TaskGroup() as group:
        for msg in messages:
            group.create_task(msg.ack())
    return len(messages)
