import threading
import time
from queue import PriorityQueue


class Scheduler:
    _STOP = (float("-inf"), None)

    def __init__(self, executor) -> None:
        self._queue: PriorityQueue = PriorityQueue()
        self._executor = executor
        self._thread = threading.Thread(target=self._run, name="Task Scheduler", daemon=True)
        self._thread.start()

    def schedule(self, delay: float, fn) -> None:
        self._queue.put((time.time() + delay, fn))

    def _run(self) -> None:
        while True:
            run_at, fn = self._queue.get()
            if fn is None:
                return
            if run_at <= time.time():
                self._executor.submit(fn)
            else:
                self._queue.put((run_at, fn))
                time.sleep(0.1)

    def shutdown(self) -> None:
        self._queue.put(self._STOP)
        self._thread.join()
