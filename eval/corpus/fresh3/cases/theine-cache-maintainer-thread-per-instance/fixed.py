from __future__ import annotations

from threading import Event, Thread
from typing import Any, Dict, Hashable


class Cache:
    def __init__(self, policy: str, size: int) -> None:
        self.policy = policy
        self.size = size
        self._data: Dict[Hashable, Any] = {}
        self._closed = Event()
        self._maintainer = Thread(target=self.maintenance, daemon=True)
        self._maintainer.start()

    def maintenance(self) -> None:
        while not self._closed.wait(0.5):
            while len(self._data) > self.size:
                self._data.pop(next(iter(self._data)))

    def set(self, key: Hashable, value: Any) -> None:
        self._data[key] = value

    def get(self, key: Hashable, default: Any = None) -> Any:
        return self._data.get(key, default)

    def close(self) -> None:
        """Stop the maintenance thread."""
        self._closed.set()
        self._maintainer.join()

    def __del__(self) -> None:
        self._closed.set()
