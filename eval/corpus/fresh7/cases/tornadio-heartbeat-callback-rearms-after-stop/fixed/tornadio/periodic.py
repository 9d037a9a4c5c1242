"""A PeriodicCallback with support for a sliding window."""
from __future__ import annotations

import logging
import time


class Callback:
    def __init__(self, callback, callback_time, io_loop) -> None:
        self.callback = callback
        self.callback_time = callback_time
        self.io_loop = io_loop
        self._running = False

    def calculate_next_run(self) -> float:
        return time.time() + self.callback_time / 1000.0

    def start(self, timeout=None) -> None:
        self._running = True
        if timeout is None:
            timeout = self.calculate_next_run()
        self.io_loop.add_timeout(timeout, self._run)

    def stop(self) -> None:
        self._running = False

    def _run(self) -> None:
        if not self._running:
            return
        next_call = None
        try:
            next_call = self.callback()
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception:
            logging.error("Error in periodic callback", exc_info=True)
        if self._running:
            self.start(next_call)
