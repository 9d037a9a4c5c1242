from __future__ import annotations

import asyncio
import logging


class SignalBot:
    def __init__(self) -> None:
        self._event_loop = asyncio.get_event_loop()
        self._q: asyncio.Queue = asyncio.Queue()

    def start(self) -> None:
        self._event_loop.create_task(self._detect_groups())  # LEAK
        self._event_loop.create_task(self._produce_consume_messages())  # LEAK
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
            asyncio.create_task(self._rerun_on_exception(self._produce, n))  # LEAK
        for n in range(1, consumers + 1):
            asyncio.create_task(self._rerun_on_exception(self._consume, n))  # LEAK

    async def _produce(self, name: int) -> None:
        await self._q.put(("message", name))

    async def _consume(self, name: int) -> None:
        await self._q.get()
        self._q.task_done()
