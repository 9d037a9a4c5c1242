from __future__ import annotations


class Node:
    def __init__(self, name: str, parent: "Node | None" = None) -> None:
        self.name = name
        self.kids: list = []
        self.parent = parent  # LEAK

    def add_child(self, name: str) -> "Node":
        child = Node(name, parent=self)
        self.kids.append(child)  # LEAK
        return child
