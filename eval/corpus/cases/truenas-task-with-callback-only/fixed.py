from __future__ import annotations

import asyncio
import logging

logger = logging.getLogger(__name__)


def _log_failure(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        logger.error("job failed", exc_info=task.exception())


class JobRunner:
    def __init__(self) -> None:
        self._running: set[asyncio.Task] = set()

    async def submit(self, job) -> int:
        task = asyncio.create_task(job.run())
        self._running.add(task)
        task.add_done_callback(self._running.discard)
        task.add_done_callback(_log_failure)
        return job.id
