from typing import Any, Iterable, List

from .tracker import OpToRewriterTracker


class SequentialNodeRewriter:
    """Tries each applicable node rewriter in turn on a node."""

    def __init__(self, rewriters: Iterable[Any]) -> None:
        self.rewriters: List[Any] = list(rewriters)
        self.tracker = OpToRewriterTracker()
        for rw in self.rewriters:
            self.tracker.add_tracker(rw)

    def transform(self, fgraph: Any, node: Any) -> Any:
        for rw in self.tracker.get_trackers(node.op):
            replacement = rw.transform(fgraph, node)
            if replacement is not None:
                return replacement
        return None


def rewrite_graph(fgraph: Any, rewriters: Iterable[Any]) -> int:
    """One pass over the graph; a new rewriter (and tracker) is built for every call."""
    rewriter = SequentialNodeRewriter(rewriters)
    changed = 0
    for node in list(fgraph.apply_nodes):
        replacement = rewriter.transform(fgraph, node)
        if replacement is not None:
            fgraph.replace_all(replacement)
            changed += 1
    return changed
