import threading
from typing import Optional


class Protocol:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._handshake_timer: Optional[threading.Timer] = None

    def connection_made(self) -> None:
        self._handshake_timer = threading.Timer(self.timeout, self.on_handshake_timeout)
        self._handshake_timer.daemon = True
        self._handshake_timer.start()

    def on_handshake_timeout(self) -> None:
        self._handshake_timer = None

    def _cancel_timer(self) -> None:
        if self._handshake_timer is not None:
            self._handshake_timer.cancel()
            self._handshake_timer = None

    def handshake_done(self) -> None:
        self._cancel_timer()

    def connection_lost(self, reason) -> None:
        self._cancel_timer()
