from __future__ import annotations

import asyncio
import logging
from typing import Coroutine, Set

logger = logging.getLogger(__name__)


def fire_and_forget_task(obj: Coroutine, *, task_suffix_name: str,
                         fire_and_forget_tasks_collection: Set[asyncio.Task]) -> asyncio.Task:
    task = asyncio.create_task(obj, name=f"fire_and_forget_task_{task_suffix_name}")
    fire_and_forget_tasks_collection.add(task)

    def log_exception_callback(fut: asyncio.Future):
        try:
            fut.result()
        except asyncio.CancelledError:
            logger.warning("%s spawned as fire&forget was cancelled", fut)
        except Exception:
            logger.exception("Error occurred while running task!")

    task.add_done_callback(log_exception_callback)
    task.add_done_callback(fire_and_forget_tasks_collection.discard)
    return task
