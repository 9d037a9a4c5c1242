from __future__ import annotations

import collections
import time
from dataclasses import dataclass, field


@dataclass
class ErrorBudget:
    total: float = 0.001
    consumed: float = 0.0
    burn_rate_alert: float = 2.0
    window_seconds: int = 3600
    max_events: int = 10_000
    _events: collections.deque = field(default_factory=lambda: collections.deque(maxlen=10_000))

    def __post_init__(self) -> None:
        if self._events.maxlen != self.max_events:
            self._events = collections.deque(self._events, maxlen=self.max_events)

    def record_event(self, good: bool) -> None:
        # bounded: the oldest events are dropped once max_events is reached
        self._events.append({"good": good, "timestamp": time.monotonic()})
        if not good:
            self.consumed += 1

    def clear_events(self) -> None:
        self._events.clear()

    def burn_rate(self, window_seconds: int = 0) -> float:
        window = window_seconds or self.window_seconds
        cutoff = time.monotonic() - window
        recent_events = [e for e in self._events if e["timestamp"] >= cutoff]
        if not recent_events:
            return 0.0
        errors_in_window = sum(1 for e in recent_events if not e["good"])
        return (errors_in_window / len(recent_events)) / self.total
