import asyncio
import time
from typing import AsyncIterator, Awaitable, Iterable, Optional, Set, TypeVar

T = TypeVar("T")


async def finished_first(aws: Iterable[Awaitable[T]], *, timeout: Optional[float] = None) -> AsyncIterator[T]:
    pending: Set[asyncio.Future] = {asyncio.ensure_future(aw) for aw in aws}
    deadline = time.monotonic() + timeout if timeout and timeout > 0 else None
    remaining: Optional[float] = None
    while pending:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                for fut in pending:
                    fut.cancel()
                raise asyncio.TimeoutError()
        done, pending = await asyncio.wait(pending, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
        for item in done:
            yield await item
