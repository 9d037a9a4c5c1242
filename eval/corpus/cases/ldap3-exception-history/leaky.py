from __future__ import annotations

import sys
from datetime import datetime


class RestartableStrategy:
    def __init__(self, connection, restart_tries: int = 3) -> None:
        self.connection = connection
        self.restart_tries = restart_tries
        self.exception_history: list = []

    def _add_exception_to_history(self) -> None:
        exc_type, exc_value, _ = sys.exc_info()
        self.exception_history.append((datetime.now(), exc_type, exc_value))  # LEAK

    def open(self) -> bool:
        for _ in range(self.restart_tries):
            try:
                self.connection.open()
                return True
            except OSError:
                self._add_exception_to_history()
        return False
