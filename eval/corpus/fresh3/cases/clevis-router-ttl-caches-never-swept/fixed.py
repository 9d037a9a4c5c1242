from __future__ import annotations

import hashlib
import time
from typing import Any, Dict, Tuple

STATS_TTL = 300.0
_stats_cache: Dict[Tuple[str, str, str], Tuple[float, Dict[str, Any]]] = {}


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def _evict_expired_stats(now: float) -> None:
    for key in [k for k, (stamp, _) in _stats_cache.items() if now - stamp >= STATS_TTL]:
        del _stats_cache[key]


async def fetch_stats(client: Any, owner: str, repo: str) -> Dict[str, Any]:
    return await client.get("/repos/%s/%s/stats/contributors" % (owner, repo))


async def repo_stats(client: Any, owner: str, repo: str, token: str) -> Dict[str, Any]:
    key = (owner, repo, _token_hash(token))
    now = time.monotonic()
    hit = _stats_cache.get(key)
    if hit is not None and now - hit[0] < STATS_TTL:
        return hit[1]
    stats = await fetch_stats(client, owner, repo)
    _stats_cache[key] = (now, stats)
    # entries whose token rotated are never read again: sweep them on every miss
    _evict_expired_stats(now)
    return stats
