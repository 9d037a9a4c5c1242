import logging
import threading
import time
import uuid
from typing import List, Optional

SLOW_AFTER = 5.0
TRACED = {("GET", "/api/sessions"), ("POST", "/api/chat/start")}
log = logging.getLogger(__name__)


class RequestTrace:
    def __init__(self, method: str, path: str, slow_after: float = SLOW_AFTER) -> None:
        self.trace_id = uuid.uuid4().hex[:10]
        self.method = method
        self.path = path
        self.slow_after = slow_after
        self.began = time.monotonic()
        self._lock = threading.Lock()
        self._steps: List[str] = []
        self._done = False
        self._timer: Optional[threading.Timer] = None
        if slow_after > 0:
            self._timer = threading.Timer(slow_after, self._too_slow)  # LEAK
            self._timer.daemon = True
            self._timer.start()

    @classmethod
    def for_request(cls, method: str, path: str) -> Optional["RequestTrace"]:
        path = path.split("?", 1)[0]
        if (method.upper(), path) not in TRACED:
            return None
        return cls(method, path)

    def step(self, name: str) -> None:
        with self._lock:
            if not self._done:
                self._steps.append(name)

    def done(self) -> None:
        with self._lock:
            if self._done:
                return
            self._done = True
            timer = self._timer
        if timer is not None:
            timer.cancel()

    def _too_slow(self) -> None:
        with self._lock:
            if self._done:
                return
            steps = list(self._steps)
        log.warning("request %s %s still running after %.1fs: %s", self.method, self.path, self.slow_after, steps)
