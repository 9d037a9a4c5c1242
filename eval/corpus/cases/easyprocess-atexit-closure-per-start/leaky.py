from __future__ import annotations

import atexit
import threading


class Proc:
    def __init__(self, cmd: list) -> None:
        self.cmd = cmd
        self._stop_thread = False
        self._thread = None

    def _watch(self) -> None:
        while not self._stop_thread:
            pass

    def start(self) -> "Proc":
        def shutdown() -> None:  # LEAK
            self._stop_thread = True
            self._thread.join()

        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        atexit.register(shutdown)  # LEAK
        return self
