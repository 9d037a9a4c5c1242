from __future__ import annotations

import threading
from typing import Any


class JobCleaner(threading.Thread):
    def __init__(self, sis_graph: Any, worker: int = 1, interval: float = 60.0) -> None:
        super().__init__(daemon=True)
        self.sis_graph = sis_graph
        self.worker = worker
        self.interval = interval
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            for job in self.sis_graph.jobs():
                if job.finished() and not job.cleaned():
                    job.cleanup()
            self.stopped.wait(self.interval)

    def close(self) -> None:
        self.stopped.set()


class Manager:
    def __init__(self, sis_graph: Any) -> None:
        self.sis_graph = sis_graph
        self.job_cleaner = JobCleaner(sis_graph)
        self.job_cleaner.start()

    def close(self) -> None:
        self.job_cleaner.close()
        self.job_cleaner.join()
        self.sis_graph = None
