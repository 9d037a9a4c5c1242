from __future__ import annotations

import signal


class SignalWatcher:
    def __init__(self, signum: int = signal.SIGINT) -> None:
        self.received = False
        signal.signal(signum, self._handler)  # LEAK

    def _handler(self, signum, frame) -> None:
        self.received = True
