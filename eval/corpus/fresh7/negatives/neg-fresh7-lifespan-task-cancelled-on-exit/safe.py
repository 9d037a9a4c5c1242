from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager, suppress


async def purge_forever(app, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        app.purge_expired()


@asynccontextmanager
async def lifespan(app, every: float = 60.0):
    task = asyncio.create_task(purge_forever(app, every))
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task
