import logging
import weakref
from typing import Any, Dict

GLOBAL_EXTRAS: Dict[str, Any] = {}
LOGGERS: "weakref.WeakSet[logging.LoggerAdapter]" = weakref.WeakSet()


def getLogger(name: str, **kwargs: Any) -> logging.LoggerAdapter:
    extras: Dict[str, Any] = {}
    extras.update(GLOBAL_EXTRAS)
    extras.update(kwargs)
    logger = logging.LoggerAdapter(logging.getLogger(name), extras)
    LOGGERS.add(logger)
    return logger


def setup_logging(**kwargs: Any) -> None:
    GLOBAL_EXTRAS.update(kwargs)
    # loggers created before setup get the new extras too
    for logger in LOGGERS:
        assert isinstance(logger.extra, dict)
        logger.extra.update(kwargs)
