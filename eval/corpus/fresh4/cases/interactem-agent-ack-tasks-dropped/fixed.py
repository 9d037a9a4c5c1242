from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine

logger = logging.getLogger(__name__)


class FetchTimeout(Exception):
    pass


def create_task_with_ref(task_refs: set, coro: Coroutine) -> asyncio.Task:
    task = asyncio.create_task(coro)
    task_refs.add(task)
    task.add_done_callback(task_refs.discard)  # forget it once it is done
    return task


class Agent:
    def __init__(self, subscription) -> None:
        self.subscription = subscription
        self._shutdown_event = asyncio.Event()
        self.assignments: list = []
        self.task_refs: set = set()

    def create_task(self, coro: Coroutine) -> asyncio.Task:
        return create_task_with_ref(self.task_refs, coro)

    async def server_loop(self) -> None:
        logger.info("Server loop running...")
        while not self._shutdown_event.is_set():
            try:
                msgs = await self.subscription.fetch(1)
                [self.create_task(msg.ack()) for msg in msgs]
            except FetchTimeout:
                continue
            for msg in msgs:
                self.assignments.append(msg.data)

    async def shutdown(self) -> None:
        self._shutdown_event.set()
