import weakref
from typing import List, Optional


class Node:
    def __init__(self, name: str, parent: Optional["Node"] = None) -> None:
        self.name = name
        self.children: List["Node"] = []
        self._parent: Optional["weakref.ref[Node]"] = weakref.ref(parent) if parent is not None else None
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self) -> Optional["Node"]:
        return self._parent() if self._parent is not None else None

    def path(self) -> str:
        parent = self.parent
        return self.name if parent is None else parent.path() + "/" + self.name
