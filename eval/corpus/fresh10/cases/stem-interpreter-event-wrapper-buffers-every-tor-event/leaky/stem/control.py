from __future__ import annotations

import queue
import threading
from typing import Callable, List


class Controller:
    """Talks to the tor process; a reader thread hands each event to _handle_event."""

    def __init__(self) -> None:
        self._event_queue: "queue.Queue[str]" = queue.Queue()
        self._listeners: List[Callable[[str], None]] = []
        self._closed = threading.Event()

    def add_event_listener(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)

    def _handle_event(self, event_message: str) -> None:
        for listener in self._listeners:
            listener(event_message)

    def _event_loop(self) -> None:
        while not self._closed.is_set():
            try:
                event_message = self._event_queue.get(timeout=0.1)
            except queue.Empty:
                continue
            self._handle_event(event_message)

    def close(self) -> None:
        self._closed.set()
