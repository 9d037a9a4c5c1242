from __future__ import annotations

import logging
import os
from datetime import datetime
from typing import Optional

DEBUG = logging.DEBUG


class PythonLogger:
    def __init__(self, logger: Optional[logging.Logger] = None, log_level: Optional[int] = None,
                 name: str = "python") -> None:
        self.name = name
        self._logger = logger or self._create_default_logger(log_level=log_level)

    @property
    def logger(self) -> logging.Logger:
        return self._logger

    def _create_default_logger(self, log_level: Optional[int] = None) -> logging.Logger:
        logger = logging.getLogger(__name__)

        base_log_path = os.environ.get("NM_TEST_LOG_DIR") if os.environ.get("NM_TEST_MODE") else "sparse_logs"
        stamp = datetime.now().strftime("%d-%m-%Y_%H.%M.%S")
        log_path = os.path.join(base_log_path, f"{stamp}.log")
        os.makedirs(base_log_path, exist_ok=True)
        file_handler = logging.FileHandler(log_path, delay=True)
        file_handler.setLevel(DEBUG)
        logger.addHandler(file_handler)  # LEAK
        logger.info("Logging all modifier-level logs to %s", log_path)

        stream_handler = logging.StreamHandler()
        stream_handler.setLevel(log_level or logging.getLogger("sparseml").level)

        logger.setLevel(DEBUG)
        logger.propagate = False
        return logger

    def log_scalar(self, tag: str, value: float, step: int, level: int = DEBUG) -> None:
        self._logger.log(level, "%s %s step %s: %s", self.name, tag, step, value)


class ScheduledModifierManager:
    def __init__(self, modifiers) -> None:
        self.modifiers = modifiers
        self.loggers = []

    def initialize_loggers(self, loggers=None) -> None:
        self.loggers = loggers or [PythonLogger()]
        for modifier in self.modifiers:
            modifier.initialize_loggers(loggers or [PythonLogger()])
