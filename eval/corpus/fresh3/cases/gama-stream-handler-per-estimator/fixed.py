from __future__ import annotations

import logging
import sys
from typing import Optional

log = logging.getLogger("gama")
_console_handler: Optional[logging.Handler] = None


def register_stream_log(verbosity: int) -> None:
    """Attach the console handler to the package logger once; later calls only change its level."""
    global _console_handler
    if _console_handler is None:
        _console_handler = logging.StreamHandler(stream=sys.stdout)
        log.addHandler(_console_handler)
    _console_handler.setLevel(verbosity)
    log.setLevel(min(log.level or verbosity, verbosity))


class Gama:
    def __init__(self, verbosity: int = logging.WARNING, max_total_time: int = 3600) -> None:
        self.max_total_time = max_total_time
        register_stream_log(verbosity)
        log.info("Using GAMA with max_total_time=%d", max_total_time)


class GamaClassifier(Gama):
    def fit(self, x, y) -> "GamaClassifier":
        log.debug("fitting on %d rows", len(x))
        return self
