from __future__ import annotations

import threading
from typing import Callable


class Poller:
    def __init__(self, poll: Callable[[], None], interval: float = 1.0) -> None:
        self._poll = poll
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="poller")

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            self._poll()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()

    def __enter__(self) -> "Poller":
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
