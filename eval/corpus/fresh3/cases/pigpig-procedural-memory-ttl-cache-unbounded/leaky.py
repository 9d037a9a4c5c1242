from __future__ import annotations

import time
from typing import Any, Dict, List, Tuple


class ProceduralMemoryProvider:
    """Loads a user's stored procedures and caches them per user for a TTL."""

    def __init__(self, user_manager: Any, ttl_seconds: float = 300.0) -> None:
        self.user_manager = user_manager
        self.ttl_seconds = ttl_seconds
        self._cache: Dict[str, Tuple[float, List[str]]] = {}  # LEAK

    async def get(self, user_id: str) -> List[str]:
        now = time.monotonic()
        cached = self._cache.get(user_id)
        if cached is not None:
            stamp, procedures = cached
            if now - stamp < self.ttl_seconds:
                return procedures
            del self._cache[user_id]
        procedures = await self.user_manager.load_procedures(user_id)
        self._cache[user_id] = (now, procedures)  # LEAK
        return procedures
