import asyncio
from typing import AsyncIterator, Awaitable, Callable, Optional


async def stream(app: Callable[[Callable[[bytes], Awaitable[None]]], Awaitable[None]]) -> AsyncIterator[bytes]:
    queue: "asyncio.Queue[Optional[bytes]]" = asyncio.Queue(maxsize=1)

    async def run() -> None:
        try:
            await app(queue.put)
        finally:
            await queue.put(None)

    task = asyncio.ensure_future(run())
    while True:
        chunk = await queue.get()
        if chunk is None:
            break
        yield chunk
    await task
