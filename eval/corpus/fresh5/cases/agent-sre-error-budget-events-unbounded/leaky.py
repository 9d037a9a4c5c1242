from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import List


@dataclass
class ErrorBudget:
    total: float = 0.001
    consumed: float = 0.0
    burn_rate_alert: float = 2.0
    window_seconds: int = 3600
    _events: List[dict] = field(default_factory=list)

    def record_event(self, good: bool) -> None:
        self._events.append({"good": good, "timestamp": time.monotonic()})  # LEAK
        if not good:
            self.consumed += 1

    def burn_rate(self, window_seconds: int = 0) -> float:
        window = window_seconds or self.window_seconds
        cutoff = time.monotonic() - window
        recent_events = [e for e in self._events if e["timestamp"] >= cutoff]
        if not recent_events:
            return 0.0
        errors_in_window = sum(1 for e in recent_events if not e["good"])
        return (errors_in_window / len(recent_events)) / self.total
