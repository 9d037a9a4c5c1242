from __future__ import annotations

import collections
import time


class Scanner:
    def __init__(self, history: int = 500) -> None:
        self.log_lines: "collections.deque[str]" = collections.deque(maxlen=history)
        self.speeds: "collections.deque[float]" = collections.deque(maxlen=history)

    def record(self, message: str, elapsed: float) -> None:
        self.log_lines.append(f"{time.time():.0f} {message}")
        self.speeds.append(elapsed)

    def average_speed(self) -> float:
        return sum(self.speeds) / len(self.speeds) if self.speeds else 0.0
