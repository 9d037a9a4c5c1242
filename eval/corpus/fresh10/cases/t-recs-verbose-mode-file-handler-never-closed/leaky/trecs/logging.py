from __future__ import annotations

import logging
from abc import ABC


class VerboseMode(ABC):
    def __init__(self, name: str, verbose: bool = False) -> None:
        self._logger = DebugLogger(name, verbose)

    def is_verbose(self) -> bool:
        return self._logger.is_verbose()

    def log(self, msg: str) -> None:
        self._logger.log(msg)

    def close(self) -> None:
        self._logger.handler.close()
        self._logger.logger.removeHandler(self._logger.handler)


class DebugLogger:
    def __init__(self, name: str, verbose: bool = False) -> None:
        self.logger = logging.getLogger(name)
        self.logger.setLevel(logging.DEBUG if verbose else logging.INFO)
        self.handler = logging.FileHandler("trecs.log")  # LEAK
        self.handler.setLevel(logging.DEBUG)
        self.handler.setFormatter(logging.Formatter("%(name)s - %(message)s"))
        self.logger.addHandler(self.handler)
        self.logger.debug("Debugging module inizialized")

    def log(self, message: str) -> None:
        self.logger.debug(message)

    def is_verbose(self) -> bool:
        return self.logger.isEnabledFor(logging.DEBUG)
