import logging
import threading
import time
import uuid
from typing import Dict, List, Optional, Tuple

SLOW_AFTER = 5.0
TICK = 1.0
TRACED = {("GET", "/api/sessions"), ("POST", "/api/chat/start")}
log = logging.getLogger(__name__)

_cv = threading.Condition(threading.Lock())
_pending: Dict[str, Tuple[float, "RequestTrace"]] = {}
_scanner: Optional[threading.Thread] = None


def _scan_forever() -> None:
    while True:
        due: List["RequestTrace"] = []
        with _cv:
            _cv.wait(TICK)
            now = time.monotonic()
            for key in [k for k, (deadline, _) in _pending.items() if now >= deadline]:
                due.append(_pending.pop(key)[1])
        for trace in due:
            try:
                trace._too_slow()
            except Exception:
                pass


def _watch(trace_id: str, deadline: float, trace: "RequestTrace") -> None:
    global _scanner
    with _cv:
        _pending[trace_id] = (deadline, trace)
        if _scanner is None or not _scanner.is_alive():
            _scanner = threading.Thread(target=_scan_forever, name="slow-request-scanner", daemon=True)
            _scanner.start()
        _cv.notify()


def _unwatch(trace_id: str) -> None:
    with _cv:
        _pending.pop(trace_id, None)


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
        if slow_after > 0:
            _watch(self.trace_id, self.began + slow_after, self)

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
        _unwatch(self.trace_id)

    def _too_slow(self) -> None:
        with self._lock:
            if self._done:
                return
            steps = list(self._steps)
        log.warning("request %s %s still running after %.1fs: %s", self.method, self.path, self.slow_after, steps)
