import asyncio
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from typing import Any, Callable, Optional


@dataclass
class SessionState:
    task: Optional[asyncio.Task] = None
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    session: Any = None


async def run_session(state: SessionState, open_transport: Callable[[], Any]) -> None:
    try:
        async with AsyncExitStack() as stack:
            state.session = await stack.enter_async_context(open_transport())
            state.ready.set()
            await state.stop.wait()
    finally:
        state.session = None
        state.ready.set()
