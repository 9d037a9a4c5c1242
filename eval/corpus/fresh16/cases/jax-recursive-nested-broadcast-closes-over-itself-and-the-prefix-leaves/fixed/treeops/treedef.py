from dataclasses import dataclass, field
from typing import Any, List, Tuple


@dataclass(frozen=True)
class TreeDef:
    node_data: Any = None
    children: Tuple["TreeDef", ...] = field(default_factory=tuple)

    @property
    def is_leaf(self) -> bool:
        return self.node_data is None and not self.children

    @property
    def num_leaves(self) -> int:
        if self.is_leaf:
            return 1
        return sum(child.num_leaves for child in self.children)


def leaf() -> TreeDef:
    return TreeDef()


def node(data: Any, *children: TreeDef) -> TreeDef:
    return TreeDef(data, tuple(children))


def children_of(tree: TreeDef) -> List[TreeDef]:
    return list(tree.children)
