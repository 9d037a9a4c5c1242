from __future__ import annotations

import logging
import sys

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
        self.logger.propagate = False
        self.logger.setLevel(logging.DEBUG)  # Let the handler do the filtering.
        self.logger.addHandler(logs.RecordHandler(self.record))  # LEAK
        self.logger.addHandler(logging.StreamHandler(stream=sys.stdout))  # LEAK
        self.pending_phases = list(phases)

    def finalize(self, outcome: str) -> TestRecord:
        self.record.outcome = outcome
        return self.record
