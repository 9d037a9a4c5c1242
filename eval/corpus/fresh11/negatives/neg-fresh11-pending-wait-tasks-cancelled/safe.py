import asyncio


async def run_loop(must_stop: asyncio.Event, need_send: asyncio.Event, flush) -> None:
    while not must_stop.is_set():
        need_send.clear()
        await flush()
        _, pending = await asyncio.wait(
            (
                asyncio.create_task(must_stop.wait()),
                asyncio.create_task(need_send.wait()),
            ),
            return_when=asyncio.FIRST_COMPLETED,
        )
        for task in pending:
            task.cancel()
