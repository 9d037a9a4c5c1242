import logging
import sys


def configure_logging(logger: logging.Logger = None, level: int = logging.WARNING,
                      stream=sys.stderr) -> logging.Logger:
    if logger is None:
        logger = logging.getLogger("myclient")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    handler = logging.StreamHandler(stream=stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.setLevel(level)
    logger.addHandler(handler)
    return logger
