from __future__ import annotations

import logging

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
    """Configure logging for OpenHTF based on command line flags."""
    logger = logging.getLogger(LOGGER_PREFIX)
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
