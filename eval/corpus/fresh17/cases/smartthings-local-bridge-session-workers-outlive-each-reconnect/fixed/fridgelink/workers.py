import logging
import threading
from typing import Any, Callable, Optional

log = logging.getLogger(__name__)


class PeriodicWorker:
    def __init__(self, every: float, tick: Callable[[], Any]) -> None:
        self.every = every
        self.tick = tick

    def run_forever(self, stop: threading.Event) -> None:
        while not stop.wait(self.every):
            try:
                self.tick()
            except Exception:
                log.exception("worker tick failed")


class Pinger(PeriodicWorker):
    def __init__(self, session: Any, every: float) -> None:
        super().__init__(every, self._ping)
        self.session = session
        self.failures = 0
        self.on_unreachable: Optional[Callable[[], None]] = None
        self.on_reachable: Optional[Callable[[], None]] = None

    def _ping(self) -> None:
        if self.session.ping():
            self.failures = 0
            if self.on_reachable is not None:
                self.on_reachable()
        else:
            self.failures += 1
            if self.failures >= 3 and self.on_unreachable is not None:
                self.on_unreachable()
