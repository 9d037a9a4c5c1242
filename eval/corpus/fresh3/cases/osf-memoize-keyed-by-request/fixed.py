from __future__ import annotations

from typing import Any, Optional


def check_private_key_for_anonymized_link(private_key: Optional[str]) -> bool:
    # stands for a database lookup of the view-only link
    return bool(private_key) and private_key.startswith("anon-")


def is_anonymized(request: Any) -> bool:
    # the answer is cached on the request itself, so it dies with the request
    if hasattr(request, "_is_anonymized"):
        return request._is_anonymized
    private_key = request.query_params.get("view_only", None)
    request._is_anonymized = check_private_key_for_anonymized_link(private_key)
    return request._is_anonymized


class NodeSerializer:
    def __init__(self, request: Any) -> None:
        self.request = request

    def contributors(self, node: Any) -> list:
        if is_anonymized(self.request):
            return []
        return list(node.contributors)
