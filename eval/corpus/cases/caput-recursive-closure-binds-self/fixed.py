from __future__ import annotations


class BasicCont:
    def __init__(self, comm, tree: dict) -> None:
        self.comm = comm
        self.tree = tree

    def redistribute(self, axis: str) -> None:
        rank = self.comm.rank
        stack = [self.tree]
        while stack:
            group = stack.pop()
            for item in group.values():
                if isinstance(item, dict):
                    stack.append(item)
                elif hasattr(item, "redistribute"):
                    item.redistribute(axis, rank=rank)
