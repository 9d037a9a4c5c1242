from __future__ import annotations

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
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop_thread = True
        if self._thread is not None:
            self._thread.join()
