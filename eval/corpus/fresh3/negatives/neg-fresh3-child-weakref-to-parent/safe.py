from __future__ import annotations

import weakref
from typing import List, Optional


class Node:
    def __init__(self, name: str, parent: Optional["Node"] = None) -> None:
        self.name = name
        self._parent = weakref.ref(parent) if parent is not None else None
        self.children: List["Node"] = []

    @property
    def parent(self) -> Optional["Node"]:
        return self._parent() if self._parent is not None else None

    def add_child(self, name: str) -> "Node":
        child = Node(name, self)
        self.children.append(child)
        return child
