from __future__ import annotations

import asyncio
import logging
from typing import Set


class SignalBot:
    def __init__(self) -> None:
        self._event_loop = asyncio.get_event_loop()
        self._q: asyncio.Queue = asyncio.Queue()
        self._running_tasks: Set[asyncio.Task] = set()

    def _store_reference_to_task(self, task: asyncio.Task) -> None:
        # the event loop only keeps weak references to tasks
        self._running_tasks.add(task)
        task.add_done_callback(self._running_tasks.discard)

    def start(self) -> None:
        task = self._event_loop.create_task(self._detect_groups())
        self._store_reference_to_task(task)
        task = self._event_loop.create_task(self._produce_consume_messages())
        self._store_reference_to_task(task)
        self._event_loop.run_forever()

    async def _detect_groups(self) -> None:
        await asyncio.sleep(0)

    async def _rerun_on_exception(self, coro, *args) -> None:
        while True:
            try:
                await coro(*args)
            except Exception:
                logging.exception("[Bot] worker failed, restarting")

    async def _produce_consume_messages(self, producers: int = 1, consumers: int = 3) -> None:
        for n in range(1, producers + 1):
            task = asyncio.create_task(self._rerun_on_exception(self._produce, n))
            self._store_reference_to_task(task)
        for n in range(1, consumers + 1):
            task = asyncio.create_task(self._rerun_on_exception(self._consume, n))
            self._store_reference_to_task(task)

    async def _produce(self, name: int) -> None:
        await self._q.put(("message", name))

    async def _consume(self, name: int) -> None:
        await self._q.get()
        self._q.task_done()
