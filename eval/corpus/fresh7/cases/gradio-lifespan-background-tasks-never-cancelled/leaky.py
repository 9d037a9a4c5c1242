from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncGenerator, Callable
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import Any, Optional

import anyio


def delete_files_created_by_app(blocks: Any, age: Optional[int]) -> None:
    now = time.time()
    for path in list(blocks.temp_file_sets):
        try:
            if age is None or now - os.path.getmtime(path) > age:
                os.remove(path)
                blocks.temp_file_sets.discard(path)
        except FileNotFoundError:
            blocks.temp_file_sets.discard(path)


async def delete_files_on_schedule(app: Any, frequency: int, age: int) -> None:
    """Startup task to delete files created by the app based on time since last modification."""
    while True:
        await asyncio.sleep(frequency)
        await anyio.to_thread.run_sync(delete_files_created_by_app, app.get_blocks(), age)

@asynccontextmanager
async def _lifespan_handler(app: Any, frequency: int = 1, age: int = 1) -> AsyncGenerator:
    """A context manager that triggers the startup and shutdown events of the app."""
    asyncio.create_task(delete_files_on_schedule(app, frequency, age))  # LEAK
    yield
    delete_files_created_by_app(app.get_blocks(), age=None)


async def _delete_state(app: Any) -> None:
    """Delete all expired state every second."""
    while True:
        app.state_holder.delete_all_expired_state()
        await asyncio.sleep(1)


@asynccontextmanager
async def _delete_state_handler(app: Any) -> AsyncGenerator:
    """When the server launches, regularly delete expired state."""
    asyncio.create_task(_delete_state(app))  # LEAK
    yield


def create_lifespan_handler(user_lifespan: Optional[Callable[[Any], AbstractAsyncContextManager]],
                            frequency: Optional[int] = 1,
                            age: Optional[int] = 1) -> Callable[[Any], AbstractAsyncContextManager]:
    @asynccontextmanager
    async def _handler(app: Any):
        state = None
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(_delete_state_handler(app))
            if frequency and age:
                await stack.enter_async_context(_lifespan_handler(app, frequency, age))
            if user_lifespan is not None:
                state = await stack.enter_async_context(user_lifespan(app))
            yield state

    return _handler
