from __future__ import annotations

import weakref
from typing import List, Optional


class Node:
    def __init__(self, name: str) -> None:
        self.name = name
        self.children: List["Node"] = []
        self._parent: Optional["weakref.ref[Node]"] = None

    @property
    def parent(self) -> Optional["Node"]:
        return self._parent() if self._parent is not None else None

    def add(self, child: "Node") -> None:
        child._parent = weakref.ref(self)
        self.children.append(child)

    def remove(self, child: "Node") -> None:
        self.children.remove(child)
        child._parent = None
