import asyncio
from typing import Any, Awaitable, Callable


async def rounds(stop: asyncio.Event, cancelled: asyncio.Event, work: Callable[[], Awaitable[Any]], pause: float) -> None:
    while not stop.is_set() and not cancelled.is_set():
        waiters = [asyncio.create_task(stop.wait()), asyncio.create_task(cancelled.wait())]
        done, pending = await asyncio.wait(waiters, timeout=pause, return_when=asyncio.FIRST_COMPLETED)
        for waiter in pending:
            waiter.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        if done:
            return
        await work()
