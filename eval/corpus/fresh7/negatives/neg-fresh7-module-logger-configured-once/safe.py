from __future__ import annotations

import logging
import os

_LOGGER = logging.getLogger(__name__)
_LOGGER.addHandler(logging.FileHandler(os.path.join(os.getcwd(), "runs.log"), delay=True))
_LOGGER.setLevel(logging.DEBUG)
_LOGGER.propagate = False


class RunLogger:
    def __init__(self, name: str) -> None:
        self.name = name
        self._logger = _LOGGER

    def log_scalar(self, tag: str, value: float, step: int) -> None:
        self._logger.debug("%s %s step %s: %s", self.name, tag, step, value)
