import asyncio
from typing import Callable


async def cancel_task(task: asyncio.Task) -> None:
    """Cancel the given task and wait for its completion."""
    being_canceled = task.cancel()
    if not being_canceled:
        # the task is already cancelled or done
        return
    await asyncio.sleep(0)  # yield to the event loop
    if task.done():
        return
    await task


current_loop: Callable[[], asyncio.AbstractEventLoop] = asyncio.get_running_loop
