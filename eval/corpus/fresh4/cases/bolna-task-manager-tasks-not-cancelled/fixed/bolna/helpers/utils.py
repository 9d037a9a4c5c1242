from __future__ import annotations

import asyncio
import logging

logger = logging.getLogger(__name__)


async def process_task_cancellation(asyncio_task, task_name):
    if asyncio_task is not None:
        try:
            asyncio_task.cancel()
            await asyncio_task
        except asyncio.CancelledError:
            logger.info(f"{task_name} has been successfully cancelled.")
        except Exception as e:
            logger.warning(f"Error cancelling {task_name}: {e}")
