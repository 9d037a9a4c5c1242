from __future__ import annotations

import logging


def setup_logging(level: int = logging.ERROR) -> logging.Logger:
    formatter = logging.Formatter("%(levelname).1s: %(message)s")
    logger = logging.getLogger("pynetdicom")
    if not any(isinstance(h, logging.StreamHandler) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    logger.setLevel(level)
    return logger
