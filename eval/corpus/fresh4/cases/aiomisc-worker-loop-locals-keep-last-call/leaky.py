from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import Executor
from functools import partial
from queue import Queue

log = logging.getLogger(__name__)


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

    @staticmethod
    def _set_result(future, result, exception):
        if future.done():
            return
        if exception:
            future.set_exception(exception)
        else:
            future.set_result(result)

    def _execute(self, func, future, loop):
        if future.done():
            return
        result, exception = None, None
        try:
            result = func()
        except Exception as e:
            exception = e
        loop.call_soon_threadsafe(self._set_result, future, result, exception)

    def _in_thread(self, event: threading.Event):
        while True:
            func, future, loop = self._tasks.get()  # LEAK
            if func is None:
                self._tasks.task_done()
                break
            try:
                if loop.is_closed():
                    log.warning("Event loop is closed. Call %r skipped", func)
                    continue
                self._execute(func, future, loop)
            finally:
                self._tasks.task_done()
        event.set()

    def submit(self, fn, *args, **kwargs):
        loop = asyncio.get_event_loop()
        with self._write_lock:
            future = loop.create_future()
            self._futures.add(future)
            future.add_done_callback(self._futures.remove)
            self._tasks.put_nowait((partial(fn, *args, **kwargs), future, loop))
            return future

    def shutdown(self, wait=True):
        for _ in self._pool:
            self._tasks.put_nowait((None, None, None))
