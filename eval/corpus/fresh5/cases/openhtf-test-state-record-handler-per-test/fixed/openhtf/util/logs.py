from __future__ import annotations

import logging
import sys

LOGGER_PREFIX = "openhtf"
RECORD_LOGGER = ".".join((LOGGER_PREFIX, "test_record"))


class RecordHandler(logging.Handler):
    """A handler to save logs to a test record."""

    def __init__(self, test_record) -> None:
        super().__init__()
        self._test_record = test_record

    def emit(self, record: logging.LogRecord) -> None:
        self._test_record.log_records.append(self.format(record))


def setup_logger() -> None:
    """Configure logging for OpenHTF based on command line flags (once per process)."""
    record_logger = logging.getLogger(RECORD_LOGGER)
    record_logger.propagate = False
    record_logger.setLevel(logging.DEBUG)
    record_logger.addHandler(logging.StreamHandler(stream=sys.stdout))

    logger = logging.getLogger(LOGGER_PREFIX)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
