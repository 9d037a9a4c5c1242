from __future__ import annotations

import logging


class Client:
    def __init__(self, api_key: str, logger=None) -> None:
        self.api_key = api_key
        self.log = logger or self.null_logger()

    @staticmethod
    def null_logger() -> logging.Logger:
        null = logging.getLogger("null_logger")
        null.addHandler(logging.NullHandler())  # LEAK
        return null
