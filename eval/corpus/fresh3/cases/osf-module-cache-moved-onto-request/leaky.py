from __future__ import annotations

from typing import Any, Dict, Tuple

_permission_cache: Dict[Tuple[str, str], bool] = {}  # LEAK


def load_permissions(user_id: str, node_id: str) -> bool:
    # stands for a few database queries
    return hash((user_id, node_id)) % 2 == 0


def can_view(request: Any, node_id: str) -> bool:
    key = (request.user_id, node_id)
    if key not in _permission_cache:
        _permission_cache[key] = load_permissions(request.user_id, node_id)  # LEAK
    return _permission_cache[key]


def list_children(request: Any, node_ids: list[str]) -> list[str]:
    return [node_id for node_id in node_ids if can_view(request, node_id)]
