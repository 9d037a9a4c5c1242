from __future__ import annotations

import logging
import threading

_LOGGER_NAME = "acme.client"
_configured = False
_configure_lock = threading.Lock()


def _client_logger() -> logging.Logger:
    global _configured
    logger = logging.getLogger(_LOGGER_NAME)
    with _configure_lock:
        if not _configured:
            logger.addHandler(logging.NullHandler())
            _configured = True
    return logger


class Client:
    def __init__(self, api_key: str) -> None:
        self.api_key = api_key
        self.log = _client_logger()

    def get(self, path: str) -> str:
        self.log.debug("GET %s", path)
        return path
