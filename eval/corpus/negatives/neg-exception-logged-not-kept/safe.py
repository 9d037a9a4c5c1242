from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


class Job:
    def __init__(self, action) -> None:
        self.action = action
        self.errors: list = []

    def run(self) -> bool:
        try:
            self.action()
        except Exception as exc:
            logger.exception("job failed")
            self.errors.append(f"{type(exc).__name__}: {exc}")
            return False
        return True
