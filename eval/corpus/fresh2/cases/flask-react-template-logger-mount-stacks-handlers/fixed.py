from __future__ import annotations

import logging
import sys
from typing import Any


class BaseLogger:
    def info(self, message: str) -> None:
        raise NotImplementedError


def _has_handler(logger: logging.Logger, handler_type: type) -> bool:
    return any(type(h) is handler_type for h in logger.handlers)


class ConsoleLogger(BaseLogger):
    def __init__(self) -> None:
        self.logger = logging.getLogger("app")
        self.logger.setLevel(logging.INFO)
        # idempotent: the logger is process-global, add its console handler once
        if not _has_handler(self.logger, logging.StreamHandler):
            handler = logging.StreamHandler(sys.stdout)
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
            self.logger.addHandler(handler)

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
        if not _has_handler(self.logger, DatadogHandler):
            self.logger.addHandler(DatadogHandler(api_key))

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
