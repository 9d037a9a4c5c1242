from __future__ import annotations

import logging

logger = logging.getLogger("toolkit.client")
logger.addHandler(logging.NullHandler())


class Client:
    def __init__(self, url: str) -> None:
        self.url = url
        self.log = logging.getLogger("toolkit.client")
        self.log.debug("client for %s", url)
