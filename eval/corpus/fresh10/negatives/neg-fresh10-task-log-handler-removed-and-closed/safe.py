from __future__ import annotations

import logging
from typing import Callable


def run_task(name: str, log_path: str, body: Callable[[logging.Logger], None]) -> None:
    logger = logging.getLogger(f"workflow.{name}")
    handler = logging.FileHandler(log_path)
    logger.addHandler(handler)
    try:
        body(logger)
    finally:
        logger.removeHandler(handler)
        handler.close()
