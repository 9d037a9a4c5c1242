from __future__ import annotations

import logging
import sys
import threading
from time import monotonic, sleep
from typing import Any


class ProcessLogger:
    default_noisy_level = logging.INFO

    def __init__(self, logger: logging.Logger, description: str, silent_level: int | None = None,
                 noisy_level: int | None = None, long_threshold_seconds: float | None = None) -> None:
        self.logger = logger
        self.description = description
        self.silent_level = silent_level or logging.DEBUG
        self.noisy_level = noisy_level or self.default_noisy_level
        self.long_threshold_seconds = 0.3 if long_threshold_seconds is None else long_threshold_seconds
        self.logger.log(self.silent_level, "%s: start", self.description)
        self.is_done = False
        self.start_time = monotonic()

        self.late_start_log_thread = threading.Thread(target=self._log_start_if_long)  # LEAK
        # do not delay interpreter exit if the thread has not finished
        self.late_start_log_thread.daemon = True
        if sys.stdin is not None and sys.stdin.isatty():
            self.late_start_log_thread.start()

    def _log_start_if_long(self) -> None:  # LEAK
        sleep_duration = 10 * self.long_threshold_seconds
        sleep(sleep_duration)
        if not self.is_done:
            self.logger.log(self.noisy_level, "%s: started %.gs ago", self.description, sleep_duration)

    def done(self, extra_msg: str | None = None) -> None:
        self.is_done = True
        elapsed = monotonic() - self.start_time
        level = self.noisy_level if elapsed > self.long_threshold_seconds else self.silent_level
        self.logger.log(level, "%s: completed (%.2fs)%s", self.description, elapsed,
                        f": {extra_msg}" if extra_msg else "")

    def __enter__(self) -> "ProcessLogger":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.done()
