from __future__ import annotations

import threading
from multiprocessing.pool import ThreadPool
from typing import Any

JOB_CLEANER_INTERVAL = 60.0


class JobCleaner(threading.Thread):
    """Thread to scan all jobs and clean them if needed."""

    def __init__(self, sis_graph: Any, worker: int = 4) -> None:
        threading.Thread.__init__(self)
        self.daemon = True
        self.sis_graph = sis_graph
        self.worker = worker
        self.thread_pool = ThreadPool(self.worker)
        self.stopped = threading.Event()

    def run(self) -> None:
        def f(job: Any) -> bool:
            if self.stopped.is_set():
                return False
            if job.cleanable():
                self.thread_pool.apply_async(job.cleanup)
            return True

        while not self.stopped.is_set():
            self.sis_graph.for_all_nodes(f, pool=self.thread_pool)
            self.stopped.wait(JOB_CLEANER_INTERVAL)

    def close(self) -> None:
        self.stopped.set()
        self.join()
        self.thread_pool.close()


class Manager:
    def __init__(self, sis_graph: Any) -> None:
        self.sis_graph = sis_graph
        self.job_cleaner = JobCleaner(sis_graph)
        self.job_cleaner.start()

    def close(self) -> None:
        self.job_cleaner.close()
