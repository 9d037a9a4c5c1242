from __future__ import annotations

import signal


class SignalWatcher:
    def __init__(self, signum: int = signal.SIGINT) -> None:
        self.signum = signum
        self.received = False
        self._previous = None

    def _handler(self, signum, frame) -> None:
        self.received = True

    def __enter__(self) -> "SignalWatcher":
        self._previous = signal.signal(self.signum, self._handler)
        return self

    def __exit__(self, *exc_info) -> None:
        signal.signal(self.signum, self._previous)
