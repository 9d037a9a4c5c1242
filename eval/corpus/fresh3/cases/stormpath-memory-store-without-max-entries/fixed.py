from __future__ import annotations

from collections import OrderedDict
from typing import Any, Optional


class LimitedSizeDict(OrderedDict):
    MAX_ENTRIES = 1000  # maximum number of entries in the cache

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.size_limit = kwargs.pop("max_entries", self.MAX_ENTRIES)
        OrderedDict.__init__(self, *args, **kwargs)
        self._check_size_limit()

    def __setitem__(self, key: Any, value: Any) -> None:
        OrderedDict.__setitem__(self, key, value)
        self._check_size_limit()

    def _check_size_limit(self) -> None:
        # evict from the head: the oldest entries go first
        while len(self) > self.size_limit:
            self.popitem(last=False)


class MemoryStore:
    """Simple in-memory store for the client's resource cache."""

    def __init__(self) -> None:
        self.store = LimitedSizeDict()

    def __getitem__(self, key: str) -> Optional[Any]:
        return self.store.get(key)

    def __setitem__(self, key: str, entry: Any) -> None:
        self.store[key] = entry

    def __delitem__(self, key: str) -> None:
        self.store.pop(key, None)

    def clear(self) -> None:
        self.store.clear()

    def __len__(self) -> int:
        return len(self.store)


class Cache:
    def __init__(self, store: MemoryStore, ttl: int = 300) -> None:
        self.store = store
        self.ttl = ttl

    def put(self, href: str, data: Any) -> None:
        self.store[href] = data
