from typing import Dict, Iterator, Set, Tuple


class Node:
    def __init__(self) -> None:
        self.requires: Set[str] = set()
        self.required: Set[str] = set()

    def required_by(self) -> Iterator[str]:
        return iter(self.required)


class Graph(Dict[str, Node]):
    """Resource dependencies: each key runs after everything it requires."""

    @classmethod
    def from_edges(cls, edges: Set[Tuple[str, str]], keys: Set[str]) -> "Graph":
        graph = cls()
        for key in keys:
            graph[key] = Node()
        for before, after in edges:
            graph[after].requires.add(before)
            graph[before].required.add(after)
        return graph
