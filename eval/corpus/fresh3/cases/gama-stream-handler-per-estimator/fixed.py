from __future__ import annotations

import logging
import sys

log = logging.getLogger("gama")


def attach_console_log(verbosity: int) -> None:
    """Attach a console handler to the package logger, replacing one an earlier instance attached."""
    earlier = [handler for handler in log.handlers if getattr(handler, "tag", None) == "instance_set"]
    if earlier:
        log.debug("Removing console handlers attached by previous instance(s).")
        log.handlers = [handler for handler in log.handlers if handler not in earlier]
    handler = logging.StreamHandler(stream=sys.stdout)
    handler.tag = "instance_set"  # type: ignore[attr-defined]
    handler.setLevel(verbosity)
    log.addHandler(handler)
    log.setLevel(min(log.level or verbosity, verbosity))


class Gama:
    def __init__(self, verbosity: int = logging.WARNING, max_total_time: int = 3600) -> None:
        self.max_total_time = max_total_time
        attach_console_log(verbosity)
        log.info("Using GAMA with max_total_time=%d", max_total_time)


class GamaClassifier(Gama):
    def fit(self, x, y) -> "GamaClassifier":
        log.debug("fitting on %d rows", len(x))
        return self
