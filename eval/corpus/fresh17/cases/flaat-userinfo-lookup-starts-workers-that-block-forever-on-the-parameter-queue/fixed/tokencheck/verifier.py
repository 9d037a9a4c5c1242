import logging
import threading
from queue import Empty, Queue
from typing import Any, Dict, List, Optional

from .providers import fetch_user_info

log = logging.getLogger(__name__)


class TokenVerifier:
    def __init__(self, providers: List[Dict[str, Any]], workers: int = 4) -> None:
        self.providers = providers
        self.workers = workers
        self.last_error = ""

    def user_info(self, token: str) -> Optional[Dict[str, Any]]:
        if not self.providers:
            log.warning("no provider configured")
            return None
        jobs: Queue = Queue(self.workers * 2)
        results: Queue = Queue(self.workers * 2)

        def next_job() -> Optional[Dict[str, Any]]:
            try:
                return jobs.get(timeout=5)
            except Empty:
                return None

        def work() -> None:
            while True:
                job = next_job()
                if job is None:
                    break
                results.put(fetch_user_info(job["token"], job["provider"]))
                jobs.task_done()
                results.task_done()

        for _ in range(self.workers):
            worker = threading.Thread(target=work, daemon=True)
            worker.start()

        for provider in self.providers:
            jobs.put({"token": token, "provider": provider})
        jobs.join()
        results.join()
        info = None
        try:
            while not results.empty():
                info = results.get(block=False)
                if info is not None:
                    return info
        except Empty:
            pass
        self.last_error = "user info not found at any provider"
        return info
