from __future__ import annotations

import threading
from typing import Optional


class FileSync:
    def __init__(self, path: str, interval: float = 2.0) -> None:
        self.path = path
        self.interval = interval
        self.running = False
        self.sync_timer: Optional[threading.Timer] = None
        self.check_timer: Optional[threading.Timer] = None

    def start(self) -> None:
        self.running = True
        self._schedule_check()

    def _schedule_check(self) -> None:
        if not self.running:
            return
        self.check_timer = threading.Timer(self.interval, self._check)  # LEAK
        self.check_timer.daemon = True
        self.check_timer.start()

    def _check(self) -> None:
        self._schedule_sync()
        self._schedule_check()

    def _schedule_sync(self) -> None:
        if self.sync_timer:
            self.sync_timer.cancel()
        self.sync_timer = threading.Timer(0.5, self._sync)
        self.sync_timer.start()

    def _sync(self) -> None:
        pass

    def stop(self) -> None:
        self.running = False
        if self.sync_timer:
            self.sync_timer.cancel()
