from __future__ import annotations

import hashlib
import time
from typing import Any, Dict, Tuple

STATS_TTL = 300.0
_stats_cache: Dict[Tuple[str, str, str], Tuple[float, Dict[str, Any]]] = {}  # LEAK


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:16]


async def fetch_stats(client: Any, owner: str, repo: str) -> Dict[str, Any]:
    return await client.get("/repos/%s/%s/stats/contributors" % (owner, repo))


async def repo_stats(client: Any, owner: str, repo: str, token: str) -> Dict[str, Any]:
    key = (owner, repo, _token_hash(token))
    now = time.monotonic()
    hit = _stats_cache.get(key)
    if hit is not None and now - hit[0] < STATS_TTL:
        return hit[1]
    stats = await fetch_stats(client, owner, repo)
    _stats_cache[key] = (now, stats)  # LEAK
    return stats
