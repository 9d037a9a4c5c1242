"""Path questions on a control-flow graph: "from this acquisition, is the value released on every
path to an exit?"

The caller says what each graph node does to the tracked value (``effect``) and which branches
of a test cannot be taken while the value is held (``impossible``: ``if f is None:`` after
``f = open(p)``). The search follows normal and exception edges from the acquisition's normal
successors, stops at releases, and reports the first way the value gets lost:

- ``normal``: a path reaches the function's normal exit (or a rebinding of the name) unreleased;
- ``raised``: a ``raise`` statement (``explicit``) or any statement that may raise (``implicit``)
  sends an exception out of the function while the value is held.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, List, Optional, Set, Tuple

from leaklint.flow.cfg import HANDLER, LEAVE, ControlFlowGraph, Node

PASS, RELEASE, LOST = range(3)
MAX_STATES = 20000  # (node, exception origin) pairs; real functions stay far below


@dataclass
class PathVerdict:
    normal: Optional[Node] = None  # the last statement before an unreleased normal exit, or the rebinding
    explicit: Optional[Node] = None  # a `raise` statement reached with the value unreleased
    implicit: Optional[Node] = None  # a statement whose exception leaves the function unreleased
    released: bool = False  # some path releases it

    @property
    def leaks(self) -> bool:
        return self.normal is not None or self.explicit is not None or self.implicit is not None


def follow(
    graph: ControlFlowGraph,
    starts: List[Node],
    effect: Callable[[Node], int],
    impossible: Callable[[Node], Set[int]] = lambda node: set(),
) -> PathVerdict:
    """Search forward from the normal successors of ``starts`` (the acquiring statement)."""
    verdict = PathVerdict()
    # state: (node index, the node that raised the exception in flight or -1, came from)
    seen: Set[Tuple[int, int]] = set()
    work: List[Tuple[int, int, int]] = []
    for start in starts:
        skip = impossible(start)  # `if (f := open(p)) is not None:`
        for position, successor in enumerate(start.successors):
            if position not in skip:
                work.append((successor, -1, start.index))
    nodes = graph.nodes
    while work:
        index, raiser, previous = work.pop()
        if (index, raiser) in seen:
            continue
        if len(seen) > MAX_STATES:
            return PathVerdict(released=True)  # too many paths to judge: stay quiet
        seen.add((index, raiser))
        node = nodes[index]
        if node.kind == HANDLER:
            raiser = -1  # caught: the exception in flight is handled
        if index == graph.exit:
            if verdict.normal is None:
                verdict.normal = nodes[previous]
            continue
        if index == graph.raise_exit:
            culprit = nodes[raiser] if raiser >= 0 else nodes[previous]
            if culprit.explicit_raise:
                verdict.explicit = verdict.explicit or culprit
            else:
                verdict.implicit = verdict.implicit or culprit
            continue
        fate = effect(node) if node.statement is not None else PASS
        if fate == RELEASE:
            verdict.released = True
            continue
        if fate == LOST:
            if verdict.normal is None:
                verdict.normal = node
            continue
        skip = impossible(node)
        for position, successor in enumerate(node.successors):
            if position not in skip:
                work.append((successor, raiser, index))
        if node.exception is not None:
            # the exception in flight is this node's own unless it is only passing through
            # (the re-raise at the end of a finally copy, an exceptional `with` exit)
            origin = raiser if node.statement is None or node.kind == LEAVE else index
            if node.explicit_raise or origin < 0:
                origin = index
            work.append((node.exception, origin, index))
    return verdict
