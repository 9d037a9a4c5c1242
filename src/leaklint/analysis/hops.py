"""A reference cycle's hops as related locations: where each link is stored, in order.

The cycle rules quote up to three hops in their message; these locations let every output show
each hop's file and line as well (SARIF ``relatedLocations``/``codeFlows``, JSON ``related``, the
full text format), so a reviewer can check a long cycle without reading every module in it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Sequence, Tuple

import libcst as cst

from leaklint.analysis.class_graph import Edge, LocalPair, LocalStore
from leaklint.analysis.walk import walk
from leaklint.flow.objects import Hop, ObjectCycle
from leaklint.rule import RelatedLocation

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.analysis.context import FileContext


def _short(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _at(path: str, line: int, column: int, message: str) -> RelatedLocation:
    # Facts from older analyses may lack a column (0): a location is 1-based.
    return RelatedLocation(path, max(line, 1), max(column, 1), message)


def edge_hops(edges: Sequence[Edge]) -> Tuple[RelatedLocation, ...]:
    """One location per link of a cycle between classes: ``Tree.children -> Node.parent -> Tree``."""
    return tuple(
        _at(e.path, e.location.line, e.location.column, f"`{e.text}` ({_link(e)})")
        for e in edges
    )


def _link(edge: Edge) -> str:
    return f"`{_short(edge.source)}.{edge.attr}` -> `{_short(edge.target)}`"


def object_hops(cycle: ObjectCycle) -> Tuple[RelatedLocation, ...]:
    """One location per hop of a cycle among one function's objects; a hop made inside a call
    (``child = Node(self)``) is followed by the store in the callee that makes it."""
    located: List[RelatedLocation] = []
    for hop in cycle.hops:
        located.append(_at(hop.path, hop.line, hop.column, _hop_message(hop, cycle)))
        inner = hop.innermost()
        if inner is not hop:
            located.append(_at(inner.path, inner.line, inner.column, f"`{inner.text}` (the store inside that call)"))
    return tuple(located)


def _hop_message(hop: Hop, cycle: ObjectCycle) -> str:
    return f"`{hop.text}` (`{cycle.display(hop.holder)}` holds `{cycle.display(hop.value)}`)"


def pair_hops(pair: LocalPair) -> Tuple[RelatedLocation, ...]:
    """The two stores of a cycle made in one scope (``a.b = b`` then ``b.a = a``)."""
    return tuple(_store(pair.path, store) for store in (pair.first, pair.second))


def _store(path: str, store: LocalStore) -> RelatedLocation:
    return _at(path, store.location.line, store.location.column, f"`{store.text}` (`{store.holder}` holds `{store.value}`)")


def exception_cycle_hops(
    context: "FileContext", cls: cst.ClassDef, self_name: str, attribute: str, raise_node: cst.Raise
) -> Tuple[RelatedLocation, ...]:
    """The statements of an exception -> traceback -> frame -> ``self`` -> exception cycle: where
    the class stores the exception in ``attribute`` (each such store), then the ``raise`` that adds
    the frame. Walks the class only when a finding is reported."""
    located: List[RelatedLocation] = []
    for node in walk(cls):
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, cst.AnnAssign) and node.value is not None:
            targets = [node.target]
        else:
            continue
        if isinstance(node.value, cst.Name) and node.value.value == "None":
            continue
        if any(isinstance(t, cst.Attribute) and t.attr.value == attribute for t in targets):
            located.append(_statement(context, node, f"`{self_name}.{attribute}` holds the exception"))
    located.append(_statement(
        context, raise_node, f"raising it adds this frame, whose `{self_name}` holds it, to its traceback"
    ))
    return tuple(located)


def _statement(context: "FileContext", node: cst.CSTNode, what: str) -> RelatedLocation:
    location = context.location(node)
    text = context.code(node).strip().splitlines()[0]
    return _at(context.path, location.line, location.column, f"`{text}` ({what})")
