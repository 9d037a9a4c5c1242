from __future__ import annotations

from functools import lru_cache


class SchemaWalker:
    def __init__(self, schema_tree) -> None:
        self.tree = schema_tree

    @lru_cache(maxsize=2048)  # LEAK
    def node_for(self, xpath: str):
        return self.tree.find(xpath)

    @lru_cache(maxsize=2048)  # LEAK
    def is_list(self, xpath: str) -> bool:
        node = self.node_for(xpath)
        return node is not None and node.get("type") == "list"
