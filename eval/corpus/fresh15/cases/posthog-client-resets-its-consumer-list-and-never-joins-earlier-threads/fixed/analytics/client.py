import atexit
import logging
import queue
from typing import Any, Dict, List, Optional

from .consumer import Consumer

log = logging.getLogger("analytics")


class Client:
    def __init__(self, api_key: str, host: str = "https://events.example.com", max_queue_size: int = 10000,
                 send: bool = True, sync_mode: bool = False, thread: int = 1, flush_at: int = 100,
                 flush_interval: float = 0.5, timeout: int = 15) -> None:
        self.api_key = api_key
        self.queue: "queue.Queue[Dict[str, Any]]" = queue.Queue(max_queue_size)
        self.send = send
        self.consumers: Optional[List[Consumer]]
        if sync_mode:
            self.consumers = None
        else:
            # on exit let the consumer threads stop cleanly; this does not flush the queue
            if send:
                atexit.register(self.join)
            self.consumers = []
            for _ in range(thread):
                consumer = Consumer(self.queue, api_key, host=host, flush_at=flush_at,
                                    flush_interval=flush_interval, timeout=timeout)
                self.consumers.append(consumer)
                # with sending disabled the consumer is never started
                if send:
                    consumer.start()

    def capture(self, distinct_id: str, event: str, properties: Optional[Dict[str, Any]] = None) -> bool:
        msg = {"distinct_id": distinct_id, "event": event, "properties": properties or {}}
        try:
            self.queue.put(msg, block=False)
            return True
        except queue.Full:
            log.warning("analytics queue is full")
            return False

    def flush(self) -> None:
        self.queue.join()

    def join(self) -> None:
        """End the consumer threads once the queue is empty."""
        for consumer in self.consumers or []:
            consumer.pause()
            try:
                consumer.join()
            except RuntimeError:
                # the consumer thread was never started
                pass

    def shutdown(self) -> None:
        self.flush()
        self.join()
