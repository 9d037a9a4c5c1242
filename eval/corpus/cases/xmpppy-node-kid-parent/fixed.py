from __future__ import annotations

import weakref


class Node:
    def __init__(self, name: str, parent: "Node | None" = None) -> None:
        self.name = name
        self.kids: list = []
        self._parent = weakref.ref(parent) if parent is not None else None

    @property
    def parent(self) -> "Node | None":
        return self._parent() if self._parent is not None else None

    def add_child(self, name: str) -> "Node":
        child = Node(name, parent=self)
        self.kids.append(child)
        return child
