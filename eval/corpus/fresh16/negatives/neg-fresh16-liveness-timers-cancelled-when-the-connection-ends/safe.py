import threading
from typing import Any, Optional


class LiveConnection:
    def __init__(self, peer: Any, every: float = 60.0) -> None:
        self.peer = peer
        self.every = every
        self._timer: Optional[threading.Timer] = None
        self._lock = threading.Lock()

    def _arm(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.every, self._ping)
            self._timer.daemon = True
            self._timer.start()

    def _ping(self) -> None:
        self.peer.send("ping")

    def _disarm(self) -> None:
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()
            timer.join()

    def handle(self) -> None:
        self._arm()
        try:
            for message in self.peer.messages():
                if message == "pong":
                    self._arm()
        finally:
            self._disarm()
            self.peer.stop()
