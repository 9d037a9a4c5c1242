from __future__ import annotations

import logging


class Client:
    def __init__(self, api_key: str, logger: logging.Logger | None = None) -> None:
        self.api_key = api_key
        self.log = logger if logger is not None else self.null_logger()

    @staticmethod
    def null_logger() -> logging.Logger:
        null = logging.getLogger("null_logger")
        if not null.handlers:
            null.addHandler(logging.NullHandler())
        return null
