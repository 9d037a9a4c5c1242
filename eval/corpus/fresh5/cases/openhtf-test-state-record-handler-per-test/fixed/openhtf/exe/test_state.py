from __future__ import annotations

import logging

from ..util import logs


class TestRecord:
    def __init__(self, name: str) -> None:
        self.name = name
        self.log_records: list = []
        self.outcome = None


class TestState:
    def __init__(self, test_name: str, phases: list) -> None:
        self.record = TestRecord(test_name)
        self.logger = logging.getLogger(logs.RECORD_LOGGER)
        self._record_handler = logs.RecordHandler(self.record)
        self.logger.addHandler(self._record_handler)
        self.pending_phases = list(phases)

    def __del__(self) -> None:
        self.logger.removeHandler(self._record_handler)

    def finalize(self, outcome: str) -> TestRecord:
        self.record.outcome = outcome
        self.logger.removeHandler(self._record_handler)
        return self.record
