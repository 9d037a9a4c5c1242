from __future__ import annotations

import threading
from typing import Callable


class Poller:
    def __init__(self, poll: Callable[[], None], interval: float = 5.0) -> None:
        self._poll = poll
        self._interval = interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="poller", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            self._poll()

    def close(self) -> None:
        self._stopped.set()
        self._thread.join()

    def __enter__(self) -> "Poller":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
