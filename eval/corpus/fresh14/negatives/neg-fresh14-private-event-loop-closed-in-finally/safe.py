import asyncio
from typing import Any, Awaitable, Callable


def run_once(make: Callable[[], Awaitable[Any]]) -> Any:
    loop = asyncio.new_event_loop()
    try:
        asyncio.set_event_loop(loop)
        return loop.run_until_complete(make())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
