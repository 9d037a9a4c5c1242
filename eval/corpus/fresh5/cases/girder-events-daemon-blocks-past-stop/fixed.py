from __future__ import annotations

import logging
import queue
import threading

logger = logging.getLogger(__name__)


def trigger(event_name: str, info: object) -> object:
    return (event_name, info)


class AsyncEventsThread(threading.Thread):
    def __init__(self) -> None:
        super().__init__()
        self.daemon = True
        self.terminate = False
        self.eventQueue: queue.Queue = queue.Queue()
        self.queueNotEmpty = threading.Condition()

    def run(self) -> None:
        logger.info("Started asynchronous event manager thread.")
        while not self.terminate:
            try:
                eventName, info, callback = self.eventQueue.get(block=False)
                event = trigger(eventName, info)
                if callable(callback):
                    callback(event)
            except queue.Empty:
                with self.queueNotEmpty:
                    self.queueNotEmpty.wait()
            except Exception:
                logger.exception("In handler for an event:")
        logger.info("Stopped asynchronous event manager thread.")

    def trigger(self, eventName: str, info: object = None, callback=None) -> None:
        with self.queueNotEmpty:
            self.eventQueue.put((eventName, info, callback))
            self.queueNotEmpty.notify()

    def stop(self) -> None:
        """Gracefully stops this thread."""
        with self.queueNotEmpty:
            self.terminate = True
            self.queueNotEmpty.notify()
