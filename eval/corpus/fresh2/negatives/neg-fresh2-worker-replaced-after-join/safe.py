from __future__ import annotations

import threading
from typing import Callable, Optional


class Reader:
    def __init__(self, poll: Callable[[], Optional[bytes]], on_message: Callable[[bytes], None]) -> None:
        self._poll = poll
        self._on_message = on_message
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None

    def _run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            message = self._poll()
            if message is not None:
                self._on_message(message)
            else:
                stop.wait(0.1)

    def _stop_current(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            self._thread = None

    def reconnect(self) -> None:
        self._stop_current()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(self._stop,), name="reader")
        self._thread.start()

    def close(self) -> None:
        self._stop_current()
