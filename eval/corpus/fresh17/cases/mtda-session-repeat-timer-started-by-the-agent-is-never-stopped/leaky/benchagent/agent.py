import threading
import time

from .timers import PeriodicTimer

SESSION_IDLE = 300


class DeviceAgent:
    def __init__(self):
        self._lock = threading.Lock()
        self._sessions = {}
        self._session_timer = None

    def start(self):
        self._session_timer = PeriodicTimer(60, self._expire_sessions)  # LEAK
        self._session_timer.start()
        return True

    def touch_session(self, name):
        with self._lock:
            self._sessions[name] = time.monotonic()

    def _expire_sessions(self):
        now = time.monotonic()
        with self._lock:
            for name in [n for n, seen in self._sessions.items() if now - seen > SESSION_IDLE]:
                del self._sessions[name]
