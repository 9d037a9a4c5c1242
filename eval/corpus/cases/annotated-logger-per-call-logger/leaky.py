from __future__ import annotations

import functools
import logging
import uuid


def annotate_logs(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        logger = logging.getLogger(f"annotated.{func.__qualname__}.{uuid.uuid4().hex}")  # LEAK
        return func(*args, annotated_logger=logger, **kwargs)

    return wrapper
