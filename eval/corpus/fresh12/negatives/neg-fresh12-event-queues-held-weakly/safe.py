import threading
import weakref
from queue import Queue

_event_queues: "weakref.WeakValueDictionary[str, Queue]" = weakref.WeakValueDictionary()
_lock = threading.Lock()


class Subscription:
    def __init__(self, sid: str) -> None:
        self.sid = sid
        self.events: Queue = Queue()
        with _lock:
            _event_queues[sid] = self.events


def deliver(sid: str, event) -> None:
    with _lock:
        queue = _event_queues.get(sid)
    if queue is not None:
        queue.put(event)
