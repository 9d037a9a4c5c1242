from __future__ import annotations


class SchemaWalker:
    def __init__(self, schema_tree) -> None:
        self.tree = schema_tree
        self._nodes: dict = {}

    def node_for(self, xpath: str):
        if xpath not in self._nodes:
            self._nodes[xpath] = self.tree.find(xpath)
        return self._nodes[xpath]

    def is_list(self, xpath: str) -> bool:
        node = self.node_for(xpath)
        return node is not None and node.get("type") == "list"
