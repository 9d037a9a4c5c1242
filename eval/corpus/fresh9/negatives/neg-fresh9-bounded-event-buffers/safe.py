from __future__ import annotations

import collections
from typing import Deque, Dict


class Session:
    def __init__(self) -> None:
        self._buffer: Dict[str, Deque] = {}

    def buffer_event(self, event: str, data) -> None:
        if event not in self._buffer:
            self._buffer[event] = collections.deque(maxlen={"global": 128, "refresh": 1}.get(event, 4096))
        self._buffer[event].appendleft(data)

    def read_event(self, event: str):
        queue = self._buffer.get(event)
        return queue.pop() if queue else None
