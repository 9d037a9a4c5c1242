from __future__ import annotations

import threading
from typing import Optional


class ConnectionPool:
    def __init__(self, check_delay: float = 300) -> None:
        self._check_delay = check_delay
        self._close = False
        self._timer: Optional[threading.Timer] = None
        self._lock = threading.Lock()

    def _period_detect(self) -> None:
        with self._lock:
            if self._close:
                return
            self._ping_servers()
            self._timer = threading.Timer(self._check_delay, self._period_detect)
            self._timer.daemon = True
            self._timer.start()

    def _ping_servers(self) -> None:
        pass

    def close(self) -> None:
        with self._lock:
            self._close = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
