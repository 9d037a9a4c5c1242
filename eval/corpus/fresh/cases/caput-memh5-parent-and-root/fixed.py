from __future__ import annotations

import weakref


class MemNode:
    def __init__(self, name: str, parent: "MemGroup | None" = None) -> None:
        self.name = name
        self._parent_ref = weakref.ref(parent) if parent is not None else None
        self._root_ref = parent._root_ref if parent is not None else weakref.ref(self)

    @property
    def parent(self) -> "MemGroup | None":
        return self._parent_ref() if self._parent_ref is not None else None

    @property
    def file(self) -> "MemNode | None":
        return self._root_ref()


class MemGroup(MemNode):
    def __init__(self, name: str = "/", parent: "MemGroup | None" = None) -> None:
        super().__init__(name, parent)
        self._children: dict[str, MemNode] = {}

    def create_group(self, name: str) -> "MemGroup":
        group = MemGroup(name, self)
        self._children[name] = group
        return group

    def create_dataset(self, name: str, data: list) -> "MemDataset":
        dataset = MemDataset(name, self, data)
        self._children[name] = dataset
        return dataset


class MemDataset(MemNode):
    def __init__(self, name: str, parent: MemGroup, data: list) -> None:
        super().__init__(name, parent)
        self.data = data
