import asyncio
from typing import Any, AsyncIterator


async def messages(q: "asyncio.Queue[Any]", disconnected: "asyncio.Future[None]") -> AsyncIterator[Any]:
    while True:
        get = asyncio.create_task(q.get())
        try:
            done, _ = await asyncio.wait((get, disconnected), return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            get.cancel()
            raise
        if get in done:
            yield get.result()
        else:
            get.cancel()
            return
