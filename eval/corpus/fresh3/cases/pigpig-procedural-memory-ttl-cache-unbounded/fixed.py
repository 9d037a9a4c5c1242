from __future__ import annotations

import time
from typing import Any, Dict, List, Tuple


class ProceduralMemoryProvider:
    """Loads a user's stored procedures and caches them per user for a TTL, up to max_cache_size users."""

    def __init__(self, user_manager: Any, ttl_seconds: float = 300.0, max_cache_size: int = 1000) -> None:
        self.user_manager = user_manager
        self.ttl_seconds = ttl_seconds
        self.max_cache_size = max(1, max_cache_size)
        self._cache: Dict[str, Tuple[float, List[str]]] = {}

    def _evict(self, now: float) -> None:
        for key in [k for k, (stamp, _) in self._cache.items() if now - stamp >= self.ttl_seconds]:
            del self._cache[key]
        while len(self._cache) > self.max_cache_size:
            self._cache.pop(next(iter(self._cache)))

    async def get(self, user_id: str) -> List[str]:
        now = time.monotonic()
        cached = self._cache.get(user_id)
        if cached is not None:
            stamp, procedures = cached
            if now - stamp < self.ttl_seconds:
                return procedures
            del self._cache[user_id]
        procedures = await self.user_manager.load_procedures(user_id)
        self._cache[user_id] = (now, procedures)
        if len(self._cache) > self.max_cache_size:
            self._evict(now)
        return procedures
