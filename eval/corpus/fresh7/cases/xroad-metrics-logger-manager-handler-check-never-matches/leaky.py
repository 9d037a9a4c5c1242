from __future__ import annotations

import json
import logging
import os
import time
from logging.handlers import WatchedFileHandler


def get_timestamp() -> int:
    return int(time.time())


class LoggerManager:
    def __init__(self, logger_settings: dict, xroad_instance: str, version: str) -> None:
        self.name = logger_settings["name"]
        self.module = logger_settings["module"]
        self.level = logger_settings["level"]
        self.log_path = os.path.join(logger_settings["log-path"], f"log_{self.name}_{xroad_instance}.json")
        self.version = version
        self._setup_logger()

    def _create_file_handler(self) -> WatchedFileHandler:
        file_handler = WatchedFileHandler(self.log_path)
        file_handler.setFormatter(logging.Formatter("%(message)s"))
        return file_handler

    def _handler_is_set(self, handlers) -> bool:
        for handler in handlers:
            if handler is WatchedFileHandler and os.path.abspath(self.log_path) == handler.baseFilename:  # LEAK
                return True
        return False

    def _setup_logger(self) -> None:
        logger = logging.getLogger(self.name)
        logger.setLevel(self.level)
        if not self._handler_is_set(logger.handlers):
            logger.addHandler(self._create_file_handler())  # LEAK

    def log_info(self, activity: str, msg: str) -> None:
        logger = logging.getLogger(self.name)
        data = {"level": "INFO", "timestamp": get_timestamp(), "module": self.module, "activity": activity,
                "msg": msg, "version": self.version}
        logger.info(json.dumps(data))
