from __future__ import annotations

import time
from threading import Thread
from typing import Any, Dict, Hashable


class Cache:
    def __init__(self, policy: str, size: int) -> None:
        self.policy = policy
        self.size = size
        self._data: Dict[Hashable, Any] = {}
        self._maintainer = Thread(target=self.maintenance, daemon=True)  # LEAK
        self._maintainer.start()  # LEAK

    def maintenance(self) -> None:
        while True:
            time.sleep(0.5)
            while len(self._data) > self.size:
                self._data.pop(next(iter(self._data)))

    def set(self, key: Hashable, value: Any) -> None:
        self._data[key] = value

    def get(self, key: Hashable, default: Any = None) -> Any:
        return self._data.get(key, default)
