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


def _submit_loop(executor_ref: "weakref.ReferenceType[ThrottleExecutor]") -> None:
    while True:
        executor = executor_ref()
        if executor is None or executor._shutdown:
            return
        to_submit = []  # LEAK
        while executor._to_submit and executor._running < executor._count:
            to_submit.append(executor._to_submit.popleft())
            executor._running += 1
        for job in to_submit:  # LEAK
            job.future.set_result(job.fn())
            executor._running -= 1
        event = executor._event
        del executor
        # to_submit and job still point at jobs, which point at the executor
        event.wait(1.0)
        event.clear()


class ThrottleExecutor:
    def __init__(self, count: int) -> None:
        self._count = count
        self._running = 0
        self._shutdown = False
        self._event = threading.Event()
        self._to_submit: Deque[_Job] = deque()
        self._thread = threading.Thread(target=_submit_loop, args=(weakref.ref(self),), daemon=True)  # LEAK
        self._thread.start()  # LEAK

    def submit(self, fn: Callable[..., Any]) -> Future:
        job = _Job(self, fn)
        self._to_submit.append(job)
        self._event.set()
        return job.future
