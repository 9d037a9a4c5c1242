from __future__ import annotations

import functools
import logging
import uuid


def annotate_logs(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        name = f"annotated.{func.__qualname__}.{uuid.uuid4().hex}"
        logger = logging.getLogger(name)
        try:
            return func(*args, annotated_logger=logger, **kwargs)
        finally:
            logging.root.manager.loggerDict.pop(name, None)

    return wrapper
