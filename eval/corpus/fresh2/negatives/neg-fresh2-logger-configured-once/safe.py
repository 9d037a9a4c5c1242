from __future__ import annotations

import logging
import sys


def get_logger(name: str = "toolkit") -> logging.Logger:
    logger = logging.getLogger(name)
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


class Resource:
    def __init__(self, url: str) -> None:
        self.url = url
        self.log = get_logger()
        self.log.info("opened %s", url)
