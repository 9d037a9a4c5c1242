from __future__ import annotations


class BasicCont:
    def __init__(self, comm, tree: dict) -> None:
        self.comm = comm
        self.tree = tree

    def redistribute(self, axis: str) -> None:
        def _tree_crawl(group: dict) -> None:  # LEAK
            for item in group.values():
                if isinstance(item, dict):
                    _tree_crawl(item)  # LEAK
                elif hasattr(item, "redistribute"):
                    item.redistribute(axis, rank=self.comm.rank)  # LEAK

        _tree_crawl(self.tree)
