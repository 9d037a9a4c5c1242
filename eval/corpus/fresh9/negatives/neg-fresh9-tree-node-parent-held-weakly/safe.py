from __future__ import annotations

import weakref
from typing import List, Optional


class Node:
    def __init__(self, name: str, parent: Optional["Node"] = None) -> None:
        self.name = name
        self.children: List["Node"] = []
        self._parent = weakref.ref(parent) if parent is not None else None
        if parent is not None:
            parent.children.append(self)

    @property
    def parent(self) -> Optional["Node"]:
        return self._parent() if self._parent is not None else None
