import multiprocessing
import queue
from typing import Any, Callable, Optional

from .log import logger


class Worker:
    """Runs checks in a forked process; the process inherits the parent's logger."""

    def __init__(self, worker_id: int, jobs: Any, returns: Any, target: Optional[Callable[..., None]] = None) -> None:
        self.id = worker_id
        self._control: "multiprocessing.Queue[str]" = multiprocessing.Queue()
        self._process = multiprocessing.Process(target=target or self.work, args=(jobs, returns, self._control))  # LEAK

    def start(self) -> None:
        self._process.start()

    def work(self, jobs: Any, returns: Any, control: Any) -> None:
        while True:
            try:
                if control.get_nowait() == "die":
                    return
            except queue.Empty:
                pass
            job = jobs.get()
            logger.info("worker %d runs %s", self.id, job)
            returns.put((job, 0))
