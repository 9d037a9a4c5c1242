from __future__ import annotations

from typing import Any, Dict, Optional


class MemoryStore:
    """Simple in-memory store for the client's resource cache."""

    def __init__(self) -> None:
        self.store: Dict[str, Any] = {}  # LEAK

    def __getitem__(self, key: str) -> Optional[Any]:
        return self.store.get(key)

    def __setitem__(self, key: str, entry: Any) -> None:
        self.store[key] = entry  # LEAK

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
