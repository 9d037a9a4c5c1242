import queue
import threading
from typing import Any, Callable, List

_STOP = object()


class WorkerPool:
    def __init__(self, size: int) -> None:
        self._jobs: "queue.Queue[Any]" = queue.Queue()
        self._threads: List[threading.Thread] = []
        for i in range(size):
            thread = threading.Thread(target=self._run, name="worker-%d" % i, daemon=True)
            thread.start()
            self._threads.append(thread)

    def submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            job()

    def shutdown(self) -> None:
        for _ in self._threads:
            self._jobs.put(_STOP)
        for thread in self._threads:
            thread.join()
        self._threads.clear()
