import threading
from typing import Any, Callable, Optional

PING_EVERY = 60.0
PONG_WITHIN = 30.0


class PingTimer:
    def __init__(self, send: Callable[[], None], peer_name: str) -> None:
        self.send = send
        self.peer_name = peer_name
        self.timer: Optional[threading.Timer] = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(PING_EVERY, self.send)  # LEAK
            self.timer.name = "ping-%s" % self.peer_name
            self.timer.start()


class PongTimer:
    def __init__(self, on_timeout: Callable[[], None], restart_ping: Callable[[], None], peer_name: str) -> None:
        self.on_timeout = on_timeout
        self.restart_ping = restart_ping
        self.peer_name = peer_name
        self.timer: Optional[threading.Timer] = None
        self.expected: Optional[Any] = None
        self._lock = threading.Lock()

    def start(self, nonce: Any) -> None:
        with self._lock:
            if self.timer:
                return
            self.expected = nonce
            self.timer = threading.Timer(PONG_WITHIN, self.on_timeout)  # LEAK
            self.timer.name = "pong-%s" % self.peer_name
            self.timer.start()

    def got_pong(self, nonce: Any) -> None:
        with self._lock:
            if nonce != self.expected:
                self.on_timeout()
            if self.timer:
                self.timer.cancel()
                self.timer = None
                self.expected = None
        self.restart_ping()
