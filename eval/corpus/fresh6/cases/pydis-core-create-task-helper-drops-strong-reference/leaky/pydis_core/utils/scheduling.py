from __future__ import annotations

import asyncio
import contextlib
import logging
import typing
from collections import abc
from functools import partial


def create_task(
    coro: abc.Coroutine,
    *,
    suppressed_exceptions: tuple = (),
    event_loop: typing.Optional[asyncio.AbstractEventLoop] = None,
    **kwargs,
) -> asyncio.Task:
    """Create a task that logs the exception it raises, if any."""
    if event_loop is not None:
        task = event_loop.create_task(coro, **kwargs)  # LEAK
    else:
        task = asyncio.create_task(coro, **kwargs)  # LEAK
    task.add_done_callback(partial(_log_task_exception, suppressed_exceptions=suppressed_exceptions))
    return task


def _log_task_exception(task: asyncio.Task, *, suppressed_exceptions: tuple) -> None:
    with contextlib.suppress(asyncio.CancelledError):
        exception = task.exception()
        if exception and not isinstance(exception, suppressed_exceptions):
            logging.getLogger(__name__).error("Error in task %s", task.get_name(), exc_info=exception)
