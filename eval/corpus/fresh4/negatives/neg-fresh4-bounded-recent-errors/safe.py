from __future__ import annotations

from collections import deque


class ErrorMonitor:
    def __init__(self, keep: int = 100) -> None:
        self.recent = deque(maxlen=keep)
        self.count = 0

    def record(self, exc: BaseException) -> None:
        self.count += 1
        self.recent.append("%s: %s" % (type(exc).__name__, exc))
