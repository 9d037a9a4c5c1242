from __future__ import annotations

import asyncio
from typing import Any, Awaitable, Callable


def run_sync(make_coro: Callable[[], Awaitable[Any]]) -> Any:
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(make_coro())
    finally:
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()
