from __future__ import annotations

from typing import Any, Optional

from funcy import memoize


def check_private_key_for_anonymized_link(private_key: Optional[str]) -> bool:
    # stands for a database lookup of the view-only link
    return bool(private_key) and private_key.startswith("anon-")


@memoize  # LEAK
def is_anonymized(request: Any) -> bool:
    private_key = request.query_params.get("view_only", None)
    return check_private_key_for_anonymized_link(private_key)


class NodeSerializer:
    def __init__(self, request: Any) -> None:
        self.request = request

    def contributors(self, node: Any) -> list:
        if is_anonymized(self.request):
            return []
        return list(node.contributors)
