from __future__ import annotations

import logging
import threading


class RollbarHandler(logging.Handler):
    SUPPORTED_LEVELS = {"debug", "info", "warning", "error", "critical"}

    _history = threading.local()

    def __init__(self, reporter, level: int = logging.INFO, history_size: int = 10,
                 history_level: int = logging.DEBUG) -> None:
        logging.Handler.__init__(self)
        self.reporter = reporter
        self.notify_level = level
        self.history_size = history_size
        if history_size > 0:
            self._history.records = []
        logging.Handler.setLevel(self, history_level)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelname.lower() not in self.SUPPORTED_LEVELS:
            return
        payload_data = {}
        self._add_history(record, payload_data)
        if record.levelno < self.notify_level:
            return
        try:
            self.reporter(record.msg, record.exc_info, payload_data)
        except Exception:
            self.handleError(record)

    def _add_history(self, record: logging.LogRecord, payload_data: dict) -> None:
        if hasattr(self._history, "records"):
            records = self._history.records
            record.history = list(records[-self.history_size:])  # LEAK
            if record.history:
                payload_data.setdefault("server", {})["history"] = [self._build_history_data(r) for r in record.history]
            records.append(record)
            # prune the messages if we have too many
            self._history.records = list(records[-self.history_size:])

    def _build_history_data(self, record: logging.LogRecord) -> dict:
        return {"timestamp": record.created, "message": record.getMessage()}
