from __future__ import annotations

import logging


def setup_logging(level: int = logging.ERROR) -> logging.Logger:
    formatter = logging.Formatter("%(levelname).1s: %(message)s")
    logger = logging.getLogger("pynetdicom")
    handler = logging.StreamHandler()
    handler.setFormatter(formatter)
    logger.addHandler(handler)  # LEAK
    logger.setLevel(level)
    return logger
