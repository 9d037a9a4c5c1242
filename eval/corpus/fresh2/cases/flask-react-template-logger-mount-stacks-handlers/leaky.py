from __future__ import annotations

import logging
import sys
from typing import Any


class BaseLogger:
    def info(self, message: str) -> None:
        raise NotImplementedError


class ConsoleLogger(BaseLogger):
    def __init__(self) -> None:
        self.logger = logging.getLogger("app")
        self.logger.setLevel(logging.INFO)
        handler = logging.StreamHandler(sys.stdout)  # LEAK
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        self.logger.addHandler(handler)  # LEAK

    def info(self, message: str) -> None:
        self.logger.info(message)


class DatadogHandler(logging.Handler):
    def __init__(self, api_key: str) -> None:
        super().__init__()
        self.api_key = api_key
        self.buffer: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.buffer.append(self.format(record))


class DatadogLogger(BaseLogger):
    def __init__(self, api_key: str) -> None:
        self.logger = logging.getLogger("app")
        self.logger.addHandler(DatadogHandler(api_key))  # LEAK

    def info(self, message: str) -> None:
        self.logger.info(message)


class LoggerManager:
    _loggers: list[BaseLogger] = []

    @staticmethod
    def mount_logger(config: dict[str, Any]) -> None:
        LoggerManager._loggers = [ConsoleLogger()]
        if config.get("datadog_api_key"):
            LoggerManager._loggers.append(DatadogLogger(config["datadog_api_key"]))


class BaseTestCase:
    def setUp(self) -> None:
        LoggerManager.mount_logger({"datadog_api_key": ""})
