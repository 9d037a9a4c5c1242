import logging
import queue
from threading import Event, Lock, Thread
from typing import Any, Callable

log = logging.getLogger("flagclient")


class FixedThreadPool:
    """A fixed-size thread pool that rejects jobs when every worker is busy."""

    def __init__(self, size: int, name: str) -> None:
        self._size = size
        self._lock = Lock()
        self._busy_count = 0
        self._event = Event()
        self._job_queue: "queue.Queue[Any]" = queue.Queue()
        for i in range(size):
            thread = Thread(target=self._run_worker, name="%s.%d" % (name, i + 1), daemon=True)
            thread.start()

    def execute(self, job: Callable[[], None]) -> bool:
        with self._lock:
            if self._busy_count >= self._size:
                return False
            self._busy_count += 1
        self._job_queue.put(job)
        return True

    def wait(self) -> None:
        while True:
            with self._lock:
                if self._busy_count == 0:
                    return
                self._event.clear()
            self._event.wait()

    def stop(self) -> None:
        """Ask every worker to end once the jobs already queued are done."""
        for _ in range(self._size):
            self._job_queue.put("stop")

    def _run_worker(self) -> None:
        while True:
            item = self._job_queue.get(block=True)
            if item == "stop":
                return
            try:
                item()
            except Exception:
                log.warning("Unhandled exception in worker thread", exc_info=True)
            with self._lock:
                self._busy_count -= 1
                self._event.set()
