import threading
import time
from typing import Dict


class Repeating(threading.Timer):
    def run(self) -> None:
        while not self.finished.wait(self.interval):
            self.function(*self.args, **self.kwargs)


class Agent:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._deadlines: Dict[str, float] = {}
        self._ticker = Repeating(1.0, self._scan)

    def __enter__(self) -> "Agent":
        self._ticker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._ticker.cancel()
        self._ticker.join()

    def begin(self, request_id: str, budget: float) -> None:
        with self._lock:
            self._deadlines[request_id] = time.monotonic() + budget

    def end(self, request_id: str) -> None:
        with self._lock:
            self._deadlines.pop(request_id, None)

    def _scan(self) -> None:
        now = time.monotonic()
        with self._lock:
            late = [key for key, deadline in self._deadlines.items() if deadline <= now]
            for key in late:
                del self._deadlines[key]
        for key in late:
            print("request %s is slow" % key)
