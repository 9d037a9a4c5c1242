import logging
from logging.handlers import QueueListener
from queue import Queue
from typing import Any, List


class Results:
    def __init__(self, data_filenames: List[str]) -> None:
        self.data_filenames = data_filenames
        self.formatter = logging.Formatter("%(message)s")


class Recorder(QueueListener):
    """Appends the data it receives over a queue to the results' data files, in its own thread."""

    def __init__(self, results: Results, queue: "Queue[Any]", **kwargs: Any) -> None:
        handlers = []
        for filename in results.data_filenames:
            fh = logging.FileHandler(filename=filename, **kwargs)
            fh.setFormatter(results.formatter)
            fh.setLevel(logging.NOTSET)
            handlers.append(fh)
        super().__init__(queue, *handlers)
