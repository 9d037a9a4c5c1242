import time
from collections import OrderedDict
from typing import Optional, Tuple


class TTLCache:
    def __init__(self, ttl: float = 60.0, max_entries: int = 1000) -> None:
        self._ttl = ttl
        self._max_entries = max_entries
        self._store: "OrderedDict[str, Tuple[float, float]]" = OrderedDict()

    def get(self, key: str) -> Optional[float]:
        entry = self._store.get(key)
        if entry is None or time.monotonic() > entry[0]:
            self._store.pop(key, None)
            return None
        return entry[1]

    def set(self, key: str, value: float) -> None:
        now = time.monotonic()
        for stale in [k for k, (expires, _) in self._store.items() if now > expires]:
            del self._store[stale]
        self._store[key] = (now + self._ttl, value)
        while len(self._store) > self._max_entries:
            self._store.popitem(last=False)


sizes = TTLCache()
