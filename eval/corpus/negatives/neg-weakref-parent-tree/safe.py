from __future__ import annotations

import weakref


class TreeNode:
    def __init__(self, name: str, parent: "TreeNode | None" = None) -> None:
        self.name = name
        self.children: list = []
        self._parent = weakref.ref(parent) if parent is not None else None

    @property
    def parent(self) -> "TreeNode | None":
        return self._parent() if self._parent is not None else None

    def add(self, name: str) -> "TreeNode":
        child = TreeNode(name, self)
        self.children.append(child)
        return child
