import io
import logging
import os
import sys
import typing

from dwave.cloud.utils.logging import ISOFormatter, FilteredSecretsFormatter, parse_loglevel

logger = logging.getLogger(__name__)


def configure_logging(logger: typing.Optional[logging.Logger] = None,
                      *,
                      level: int = logging.WARNING,
                      filter_secrets: bool = True,
                      output_stream: io.IOBase = sys.stderr,
                      ) -> logging.Logger:
    """Configure cloud-client's `dwave.cloud` base logger."""
    if logger is None:
        logger = logging.getLogger(__name__)

    if filter_secrets:
        class Formatter(FilteredSecretsFormatter, ISOFormatter):
            pass
    else:
        Formatter = ISOFormatter

    formatter = Formatter(fmt='%(asctime)s %(name)s %(levelname)s %(message)s')
    handler = logging.StreamHandler(stream=output_stream)
    handler.setFormatter(formatter)

    logger.setLevel(level)
    logger.addHandler(handler)  # LEAK

    return logger


# configure logger if DWAVE_LOG_LEVEL present in environment
def _apply_loglevel_from_env(logger):
    if log_level := os.getenv('DWAVE_LOG_LEVEL', os.getenv('dwave_log_level')):
        configure_logging(logger, level=parse_loglevel(log_level))


_apply_loglevel_from_env(logger)
