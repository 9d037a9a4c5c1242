import asyncio
from datetime import timedelta
from typing import Any, AsyncIterator, Callable


async def incremental_rounds(
    task: Any,
    work_item: Any,
    fetch_changes: Callable[[Any], AsyncIterator[Any]],
    interval: timedelta,
) -> None:
    sleep_for = interval
    while True:
        if task.stopping.is_set() or work_item.cancelled.is_set():
            return
        global_stop = asyncio.create_task(task.stopping.wait())
        item_cancelled = asyncio.create_task(work_item.cancelled.wait())
        done, pending = await asyncio.wait(
            [global_stop, item_cancelled],
            timeout=sleep_for.total_seconds(),
            return_when=asyncio.FIRST_COMPLETED,
        )
        # a cancelled waiter has to be awaited to finish its cancellation
        for waiter in pending:
            waiter.cancel()
            try:
                await waiter
            except asyncio.CancelledError:
                pass
        if done:
            task.log.debug("incremental replication is yielding to stop")
            return

        async for document in fetch_changes(work_item.cursor):
            task.captured(work_item.binding, document)
        task.checkpoint(work_item)
        sleep_for = interval
