from __future__ import annotations

import threading
from typing import Optional


class Poller:
    def __init__(self, fetch, interval: float = 300.0) -> None:
        self._fetch = fetch
        self._interval = interval
        self._timer: Optional[threading.Timer] = None
        self._running = False
        self._lock = threading.Lock()

    def start(self) -> None:
        self._running = True
        self._schedule()

    def _schedule(self) -> None:
        with self._lock:
            if self._running:
                self._timer = threading.Timer(self._interval, self._tick)
                self._timer.daemon = True
                self._timer.start()

    def _tick(self) -> None:
        self._fetch()
        self._schedule()

    def shutdown(self) -> None:
        with self._lock:
            self._running = False
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            timer.join()
