from __future__ import annotations

import threading
from typing import Any, Callable


class Poller:
    def __init__(self, poll: Callable[[], Any], interval: float = 1.0) -> None:
        self._poll = poll
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="poller", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._poll()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()

    def __enter__(self) -> "Poller":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
