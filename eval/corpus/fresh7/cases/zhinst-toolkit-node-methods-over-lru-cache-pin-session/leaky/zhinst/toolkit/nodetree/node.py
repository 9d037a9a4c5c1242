from __future__ import annotations

import typing as t
from functools import lru_cache

from zhinst.toolkit.nodetree.helper import lazy_property


class NodeInfo:
    def __init__(self, node: "Node") -> None:
        self._info = next(iter(node.root.get_node_info_raw(node).values()), {})

    def get(self, key: str, default=None):
        return self._info.get(key, default)


class Node:
    def __init__(self, root, tree: tuple) -> None:
        self._root = root
        self._tree = tree

    def __getattr__(self, name: str) -> "Node":
        return Node(self._root, self._tree + (name,))

    def __hash__(self) -> int:
        return hash((self._root.node_to_raw_path(self), id(self._root)))

    def __eq__(self, other) -> bool:
        return isinstance(other, Node) and self._tree == other._tree and self._root is other._root

    @property
    def root(self):
        return self._root

    def _resolve_wildcards(self) -> list:
        path = self._root.node_to_raw_path(self)
        return [key for key in self._root.raw_paths() if key.startswith(path)]

    @lru_cache()  # LEAK
    def is_valid(self) -> bool:
        keys = self._resolve_wildcards()
        return len(keys) > 0

    @lazy_property
    def node_info(self) -> NodeInfo:
        return NodeInfo(self)
