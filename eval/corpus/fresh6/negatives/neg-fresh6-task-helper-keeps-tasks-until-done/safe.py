from __future__ import annotations

import asyncio
import logging
from typing import Coroutine, Set

_background_tasks: Set[asyncio.Task] = set()
log = logging.getLogger(__name__)


def create_task(coro: Coroutine) -> asyncio.Task:
    task = asyncio.get_running_loop().create_task(coro)
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
    task.add_done_callback(_log_exception)
    return task


def _log_exception(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("task %s failed", task.get_name(), exc_info=task.exception())


class StatsClient:
    def __init__(self, transport) -> None:
        self._transport = transport

    def send(self, data: str) -> None:
        create_task(self._async_send(data))

    async def _async_send(self, data: str) -> None:
        self._transport.sendto(data.encode("ascii"))
