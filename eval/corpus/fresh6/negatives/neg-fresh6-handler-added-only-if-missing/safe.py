from __future__ import annotations

import logging


class API:
    def __init__(self, level: int = logging.INFO) -> None:
        self.logger = logging.getLogger("mylib.api")
        if not self.logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("%(asctime)s - %(levelname)s - %(message)s"))
            handler.setLevel(level)
            self.logger.addHandler(handler)
        self.logger.setLevel(logging.DEBUG)

    def send(self, endpoint: str) -> None:
        self.logger.debug("request %s", endpoint)
