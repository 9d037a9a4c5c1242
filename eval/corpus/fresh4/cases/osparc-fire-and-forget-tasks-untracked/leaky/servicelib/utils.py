from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Coroutine, Union

logger = logging.getLogger(__name__)


def fire_and_forget_task(obj: Union[Coroutine, asyncio.Future, Awaitable]) -> asyncio.Future:
    future = asyncio.ensure_future(obj)  # LEAK

    def log_exception_callback(fut: asyncio.Future):
        try:
            fut.result()
        except asyncio.CancelledError:
            logger.exception("%s spawned as fire&forget was cancelled", fut)
        except Exception:
            logger.exception("Error occurred while running task!")

    future.add_done_callback(log_exception_callback)
    return future
