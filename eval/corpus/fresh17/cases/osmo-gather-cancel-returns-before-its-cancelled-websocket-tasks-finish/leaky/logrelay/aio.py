import asyncio
from typing import Any, Awaitable, List


async def run_all_then_cancel(*awaitables: Awaitable[Any], **options: Any) -> None:
    started: List["asyncio.Task[Any]"] = []
    for item in awaitables:
        if isinstance(item, asyncio.Task):
            started.append(item)
        else:
            started.append(asyncio.ensure_future(item))
    try:
        await asyncio.gather(*started, **options)
    finally:
        for task in started:
            if not task.done():
                task.cancel()  # LEAK
