from __future__ import annotations

from typing import Any, Dict, Tuple


def load_permissions(user_id: str, node_id: str) -> bool:
    # stands for a few database queries
    return hash((user_id, node_id)) % 2 == 0


def _request_cache(request: Any) -> Dict[Tuple[str, str], bool]:
    # the cache lives on the request and is dropped with it
    cache = getattr(request, "_permission_cache", None)
    if cache is None:
        cache = {}
        request._permission_cache = cache
    return cache


def can_view(request: Any, node_id: str) -> bool:
    cache = _request_cache(request)
    key = (request.user_id, node_id)
    if key not in cache:
        cache[key] = load_permissions(request.user_id, node_id)
    return cache[key]


def list_children(request: Any, node_ids: list[str]) -> list[str]:
    return [node_id for node_id in node_ids if can_view(request, node_id)]
