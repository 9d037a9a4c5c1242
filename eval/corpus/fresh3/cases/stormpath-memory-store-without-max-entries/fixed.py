from __future__ import annotations

from collections import OrderedDict
from typing import Any, Optional


class MemoryStore:
    """Simple in-memory store for the client's resource cache, bounded by max_entries."""

    DEFAULT_MAX_ENTRIES = 1000

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self.store: "OrderedDict[str, Any]" = OrderedDict()

    def __getitem__(self, key: str) -> Optional[Any]:
        return self.store.get(key)

    def __setitem__(self, key: str, entry: Any) -> None:
        if key in self.store:
            del self.store[key]
        elif len(self.store) >= self.max_entries:
            # evict the oldest entry
            self.store.popitem(last=False)
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
