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

    def run(self) -> None:
        logger.info("Started asynchronous event manager thread.")
        while not self.terminate:
            eventName, info, callback = self.eventQueue.get(block=True)  # LEAK
            try:
                event = trigger(eventName, info)
                if callable(callback):
                    callback(event)
            except Exception:
                logger.exception('In handler for event "%s":', eventName)
        logger.info("Stopped asynchronous event manager thread.")

    def trigger(self, eventName: str, info: object = None, callback=None) -> None:
        self.eventQueue.put((eventName, info, callback))

    def stop(self) -> None:
        """Gracefully stops this thread."""
        self.terminate = True
