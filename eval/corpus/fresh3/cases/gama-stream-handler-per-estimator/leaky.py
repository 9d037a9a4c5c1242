from __future__ import annotations

import logging
import sys

log = logging.getLogger("gama")


class Gama:
    def __init__(self, verbosity: int = logging.WARNING, max_total_time: int = 3600) -> None:
        self.max_total_time = max_total_time
        handler = logging.StreamHandler(stream=sys.stdout)  # LEAK
        handler.setLevel(verbosity)
        log.addHandler(handler)  # LEAK
        log.setLevel(min(log.level or verbosity, verbosity))
        log.info("Using GAMA with max_total_time=%d", max_total_time)


class GamaClassifier(Gama):
    def fit(self, x, y) -> "GamaClassifier":
        log.debug("fitting on %d rows", len(x))
        return self
