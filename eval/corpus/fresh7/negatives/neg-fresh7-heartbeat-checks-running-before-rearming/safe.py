from __future__ import annotations

import logging


class Periodic:
    def __init__(self, callback, interval: float, io_loop) -> None:
        self.callback = callback
        self.interval = interval
        self.io_loop = io_loop
        self._running = False
        self._handle = None

    def start(self) -> None:
        self._running = True
        self._handle = self.io_loop.call_later(self.interval, self._run)

    def stop(self) -> None:
        self._running = False
        if self._handle is not None:
            self.io_loop.remove_timeout(self._handle)
            self._handle = None

    def _run(self) -> None:
        if not self._running:
            return
        try:
            self.callback()
        except Exception:
            logging.exception("Error in periodic callback")
        if self._running:
            self._handle = self.io_loop.call_later(self.interval, self._run)
