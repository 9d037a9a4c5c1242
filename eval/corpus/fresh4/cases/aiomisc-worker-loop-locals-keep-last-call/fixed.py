from __future__ import annotations

import asyncio
import logging
import threading
from collections import namedtuple
from concurrent.futures import Executor
from queue import Queue

log = logging.getLogger(__name__)

WorkItemBase = namedtuple("WorkItem", ("func", "args", "kwargs", "future", "loop"))


class WorkItem(WorkItemBase):
    @staticmethod
    def set_result(future, result, exception):
        if future.done():
            return
        if exception:
            future.set_exception(exception)
        else:
            future.set_result(result)

    def __call__(self):
        if self.future.done():
            return
        result, exception = None, None
        try:
            result = self.func(*self.args, **self.kwargs)
        except Exception as e:
            exception = e
        self.loop.call_soon_threadsafe(self.__class__.set_result, self.future, result, exception)


class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers: int = 4) -> None:
        self._futures = set()
        self._tasks = Queue()
        self._write_lock = threading.RLock()
        self._thread_events = set()
        self._pool = frozenset(self._start_thread(idx) for idx in range(max_workers))

    def _start_thread(self, idx):
        event = threading.Event()
        self._thread_events.add(event)
        thread = threading.Thread(target=self._in_thread, name="[%d] Thread Pool" % idx, args=(event,), daemon=True)
        thread.start()
        return thread

    def _in_thread(self, event: threading.Event):
        while True:
            work_item = self._tasks.get()
            if work_item is None:
                self._tasks.task_done()
                break
            try:
                if work_item.loop.is_closed():
                    log.warning("Event loop is closed. Call %r skipped", work_item.func)
                    continue
                work_item()
            finally:
                self._tasks.task_done()
                # do not keep the last job (its arguments, future and loop) while waiting for the next
                del work_item
        event.set()

    def submit(self, fn, *args, **kwargs):
        loop = asyncio.get_event_loop()
        with self._write_lock:
            future = loop.create_future()
            self._futures.add(future)
            future.add_done_callback(self._futures.remove)
            self._tasks.put_nowait(WorkItem(func=fn, args=args, kwargs=kwargs, future=future, loop=loop))
            return future

    def shutdown(self, wait=True):
        for _ in self._pool:
            self._tasks.put_nowait(None)
