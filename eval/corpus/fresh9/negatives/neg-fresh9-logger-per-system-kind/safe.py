from __future__ import annotations

import logging
from typing import Any, Dict


class LoggingObserver:
    def __init__(self) -> None:
        self.loggers: Dict[str, logging.Logger] = {}

    def _get_logger(self, event: Dict[str, Any]) -> logging.Logger:
        system = event.get("system", "twisted")
        system = "twisted" if system == "-" else system.split(",", 1)[0]
        if system not in self.loggers:
            self.loggers[system] = logging.getLogger(system)
        return self.loggers[system]
