import json
import logging
import queue
import time
from threading import Thread
from typing import Any, Callable, Dict, List, Optional

import requests

log = logging.getLogger("analytics")


class Consumer(Thread):
    """Consumes the events of a queue in batches and posts them."""

    def __init__(self, q: "queue.Queue[Dict[str, Any]]", api_key: str, host: str,
                 on_error: Optional[Callable[[Exception, List[Dict[str, Any]]], None]] = None,
                 flush_at: int = 100, flush_interval: float = 0.5, timeout: int = 15) -> None:
        super().__init__()
        # a daemon so that it does not block program exit
        self.daemon = True
        self.queue = q
        self.api_key = api_key
        self.host = host
        self.on_error = on_error
        self.flush_at = flush_at
        self.flush_interval = flush_interval
        self.timeout = timeout
        self.running = True

    def run(self) -> None:
        while self.running:
            self.upload()

    def pause(self) -> None:
        self.running = False

    def next_batch(self) -> List[Dict[str, Any]]:
        items: List[Dict[str, Any]] = []
        start = time.monotonic()
        while len(items) < self.flush_at:
            remaining = self.flush_interval - (time.monotonic() - start)
            if remaining <= 0:
                break
            try:
                items.append(self.queue.get(block=True, timeout=remaining))
            except queue.Empty:
                break
        return items

    def upload(self) -> None:
        batch = self.next_batch()
        if not batch:
            return
        try:
            body = json.dumps({"api_key": self.api_key, "batch": batch})
            requests.post(self.host + "/batch/", data=body, timeout=self.timeout)
        except Exception as e:
            log.exception("error uploading: %s", e)
            if self.on_error:
                self.on_error(e, batch)
        finally:
            for _ in batch:
                self.queue.task_done()
