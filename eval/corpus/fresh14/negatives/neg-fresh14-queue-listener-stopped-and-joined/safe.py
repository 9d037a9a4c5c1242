import logging
from logging.handlers import QueueListener
from queue import Queue
from typing import Any, Callable, List


def record_run(data_files: List[str], produce: Callable[["Queue[Any]"], None]) -> None:
    queue: "Queue[Any]" = Queue()
    handlers = [logging.FileHandler(name) for name in data_files]
    listener = QueueListener(queue, *handlers)
    listener.start()
    try:
        produce(queue)
    finally:
        listener.stop()
        for handler in handlers:
            handler.close()
