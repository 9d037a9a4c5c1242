from __future__ import annotations


class MemNode:
    def __init__(self, name: str, parent: "MemGroup | None" = None) -> None:
        self.name = name
        self.parent = parent  # LEAK
        self._root = parent._root if parent is not None else self  # LEAK

    @property
    def file(self) -> "MemNode":
        return self._root


class MemGroup(MemNode):
    def __init__(self, name: str = "/", parent: "MemGroup | None" = None) -> None:
        super().__init__(name, parent)
        self._children: dict[str, MemNode] = {}

    def create_group(self, name: str) -> "MemGroup":
        group = MemGroup(name, self)
        self._children[name] = group  # LEAK
        return group

    def create_dataset(self, name: str, data: list) -> "MemDataset":
        dataset = MemDataset(name, self, data)
        self._children[name] = dataset  # LEAK
        return dataset


class MemDataset(MemNode):
    def __init__(self, name: str, parent: MemGroup, data: list) -> None:
        super().__init__(name, parent)
        self.data = data
