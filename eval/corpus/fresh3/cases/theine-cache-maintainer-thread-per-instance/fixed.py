from __future__ import annotations

import time
from threading import Thread
from typing import Any, Dict, Hashable


class Cache:
    def __init__(self, policy: str, size: int) -> None:
        self.policy = policy
        self.size = size
        self._data: Dict[Hashable, Any] = {}
        self._closed = False
        self._maintainer = Thread(target=self.maintenance, daemon=True)
        self._maintainer.start()

    def maintenance(self) -> None:
        while not self._closed:
            while len(self._data) > self.size:
                self._data.pop(next(iter(self._data)))
            time.sleep(0.5)

    def set(self, key: Hashable, value: Any) -> None:
        self._data[key] = value

    def get(self, key: Hashable, default: Any = None) -> Any:
        return self._data.get(key, default)

    def clear(self) -> None:
        self._data.clear()

    def close(self) -> None:
        """Stop the maintenance thread (call it explicitly to stop it at once)."""
        self._closed = True
        self._maintainer.join()

    def __del__(self) -> None:
        self.clear()
        self.close()
