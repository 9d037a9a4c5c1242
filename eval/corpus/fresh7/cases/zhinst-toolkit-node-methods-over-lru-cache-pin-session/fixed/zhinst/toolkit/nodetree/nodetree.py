from __future__ import annotations

import typing as t

from zhinst.toolkit.nodetree.node import Node


class NodeTree:
    def __init__(self, connection, prefix_hide: t.Optional[str] = None) -> None:
        self._connection = connection
        self._prefix_hide = prefix_hide
        self._flat_dict = {key.lower(): value for key, value in connection.listNodesJSON("*").items()}

    def __getattr__(self, name: str) -> Node:
        return Node(self, (name,))

    def raw_paths(self):
        return self._flat_dict.keys()

    def node_to_raw_path(self, node: Node) -> str:
        path = "/" + "/".join(node._tree)
        if self._prefix_hide:
            path = f"/{self._prefix_hide}{path}"
        return path.lower()

    def get_node_info_raw(self, node: Node) -> dict:
        path = self.node_to_raw_path(node)
        return {key: value for key, value in self._flat_dict.items() if key.startswith(path)}

    def __iter__(self):
        for key, value in self._flat_dict.items():
            yield Node(self, tuple(key.strip("/").split("/"))), value
