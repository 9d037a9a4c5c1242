from typing import Any, Callable, List

from .treedef import TreeDef, children_of


def broadcast_prefix_leaves(prefix_leaves: List[Any], prefix: TreeDef, full: TreeDef) -> List[Any]:
    out: List[Any] = []

    def walk(self_fn: Callable[..., None], start: int, end: int, prefix_node: TreeDef, full_node: TreeDef) -> None:
        if prefix_node.is_leaf:
            assert end - start == 1
            out.extend(prefix_leaves[start:end] * full_node.num_leaves)
            return
        if full_node.is_leaf:
            raise ValueError("prefix is not a prefix of the full tree")
        if prefix_node.node_data != full_node.node_data:
            raise ValueError(f"expected {full_node.node_data}, got {prefix_node.node_data}")
        position = start
        for prefix_child, full_child in zip(children_of(prefix_node), children_of(full_node)):
            self_fn(self_fn, position, position + prefix_child.num_leaves, prefix_child, full_child)
            position += prefix_child.num_leaves

    # passed as an argument, so the function is not a free variable of its own closure
    walk(walk, 0, len(prefix_leaves), prefix, full)
    return out
