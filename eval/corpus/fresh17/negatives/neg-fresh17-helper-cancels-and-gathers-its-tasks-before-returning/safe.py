import asyncio
from typing import Any, Awaitable, Callable, List


async def gather_then_cancel(*jobs: Awaitable[Any]) -> None:
    tasks: List["asyncio.Task[Any]"] = [asyncio.ensure_future(job) for job in jobs]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            if not task.done():
                task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def listen(conn: Any, ping: Callable[[Any], Awaitable[None]], handle: Callable[[str], Awaitable[None]]) -> None:
    pinger = asyncio.create_task(ping(conn))
    try:
        while True:
            text = await conn.receive_str()
            await handle(text)
    finally:
        pinger.cancel()
        try:
            await pinger
        except asyncio.CancelledError:
            pass
