from __future__ import annotations

import logging
from typing import Any, Dict

from twisted.python import log


class PythonLoggingObserver(log.PythonLoggingObserver):
    def __init__(self) -> None:
        self.loggers: Dict[str, logging.Logger] = dict()

    def emit(self, eventDict: Dict[str, Any]) -> None:
        if "logLevel" in eventDict:
            level = eventDict["logLevel"]
        elif eventDict["isError"]:
            level = logging.ERROR
        else:
            level = logging.INFO
        text = log.textFromEventDict(eventDict)
        if text is None:
            return
        self._get_logger(eventDict).log(level, text)

    def _get_logger(self, eventDict: Dict[str, Any]) -> logging.Logger:
        # the system names the connection, e.g. "HTTPConnection,17,127.0.0.1"
        system = eventDict.get("system", "twisted")
        if system == "-":
            system = "twisted"

        if system not in self.loggers:
            self.loggers[system] = logging.getLogger(system)  # LEAK
        return self.loggers[system]
