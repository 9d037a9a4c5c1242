from __future__ import annotations

import atexit


class Tracer:
    def __init__(self, writer) -> None:
        self.writer = writer
        self.spans: list = []
        atexit.register(self._atexit)

    def _atexit(self) -> None:
        self.shutdown(timeout=1.0)

    def shutdown(self, timeout: float = 0) -> None:
        self.writer.flush(self.spans, timeout=timeout)
        self.spans.clear()
        atexit.unregister(self._atexit)
