from __future__ import annotations

import threading
import weakref
from collections import deque
from concurrent.futures import Future
from typing import Any, Callable, Deque


class _Job:
    def __init__(self, executor: "ThrottleExecutor", fn: Callable[..., Any]) -> None:
        self.future: Future = Future()
        self.executor = executor
        self.fn = fn


def _submit_loop_iter(executor: "ThrottleExecutor | None") -> "threading.Event | None":
    # one pass in its own frame: its locals (batch, last job, executor) die when it returns
    if executor is None or executor._shutdown:
        return None
    to_submit = []
    while executor._to_submit and executor._running < executor._count:
        to_submit.append(executor._to_submit.popleft())
        executor._running += 1
    for job in to_submit:
        job.future.set_result(job.fn())
        executor._running -= 1
    return executor._event


def _submit_loop(executor_ref: "weakref.ReferenceType[ThrottleExecutor]") -> None:
    while True:
        event = _submit_loop_iter(executor_ref())
        if event is None:
            break
        event.wait(1.0)
        event.clear()


class ThrottleExecutor:
    def __init__(self, count: int) -> None:
        self._count = count
        self._running = 0
        self._shutdown = False
        self._event = threading.Event()
        self._to_submit: Deque[_Job] = deque()
        self._thread = threading.Thread(target=_submit_loop, args=(weakref.ref(self),), daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[..., Any]) -> Future:
        job = _Job(self, fn)
        self._to_submit.append(job)
        self._event.set()
        return job.future
