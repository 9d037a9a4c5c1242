from __future__ import annotations

import logging

_null_logger = logging.getLogger("null_logger")
_null_logger.addHandler(logging.NullHandler())


class Client:
    def __init__(self, api_key: str, logger=None) -> None:
        self.api_key = api_key
        self.log = logger or _null_logger
