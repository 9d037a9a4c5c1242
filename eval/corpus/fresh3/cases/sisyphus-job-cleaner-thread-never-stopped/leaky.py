from __future__ import annotations

import threading
import time
from typing import Any


class JobCleaner(threading.Thread):
    def __init__(self, sis_graph: Any, worker: int = 1, interval: float = 60.0) -> None:
        super().__init__(daemon=True)
        self.sis_graph = sis_graph
        self.worker = worker
        self.interval = interval

    def run(self) -> None:
        while True:
            for job in self.sis_graph.jobs():
                if job.finished() and not job.cleaned():
                    job.cleanup()
            time.sleep(self.interval)


class Manager:
    def __init__(self, sis_graph: Any) -> None:
        self.sis_graph = sis_graph
        self.job_cleaner = JobCleaner(sis_graph)  # LEAK
        self.job_cleaner.start()  # LEAK

    def close(self) -> None:
        self.sis_graph = None
