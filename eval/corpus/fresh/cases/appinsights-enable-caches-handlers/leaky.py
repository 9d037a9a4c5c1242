from __future__ import annotations

import logging

_handlers: dict[str, logging.Handler] = {}  # LEAK


class TelemetryHandler(logging.Handler):
    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.sent: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.sent.append(self.format(record))


def enable(key: str, logger: logging.Logger | None = None) -> logging.Handler:
    handler = _handlers.get(key)
    if handler is None:
        handler = TelemetryHandler(key)
        _handlers[key] = handler  # LEAK
    (logger or logging.getLogger()).addHandler(handler)
    return handler
