"""Shared base of the rules that read the project-wide class reference graph (LKL101, LKL102)."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any, List, Mapping, Optional, Sequence, Tuple, Type

from leaklint.analysis.class_graph import ClassFacts, ClassGraph, Edge, collect_class_facts
from leaklint.analysis.hops import object_hops
from leaklint.flow.objects import CALL, IMPORT, ITERATION, FlowGraph, Hop, ObjectCycle
from leaklint.rule import Confidence, Finding, Location, Rule

# One graph per project pass, shared by the rules that run on the same facts.
_GRAPH_CACHE: List[Tuple[Tuple[Any, ...], ClassGraph]] = []

_ASSIGNMENT = re.compile(r"^(?P<target>[\w.\[\]'\"]+)\s*(?::[^=]+)?=\s*(?P<value>[\w.]+)$")


class ClassGraphRule(Rule):
    """A project-scope rule whose per-file facts are the file's class-graph facts."""

    project_scope = True

    def file_facts(self) -> Optional[ClassFacts]:
        facts = collect_class_facts(self.context)
        if not (facts.classes or facts.local_pairs or facts.summaries):
            return None
        return facts


def graph_for(facts: Mapping[str, Any]) -> ClassGraph:
    """The class graph for ``facts``; built once when several rules pass the same facts."""
    values = tuple(facts[path] for path in sorted(facts))
    key = tuple((path, id(facts[path])) for path in sorted(facts))
    for cached_key, graph in _GRAPH_CACHE:
        if cached_key == key:
            return graph
    graph = ClassGraph({path: facts[path] for path in sorted(facts)})
    # The values stay alive with the entry, so their ids cannot be reused while it is cached.
    _GRAPH_CACHE[:] = [(key, graph)]
    _GRAPH_VALUES[:] = [values]
    return graph


_GRAPH_VALUES: List[Tuple[Any, ...]] = []


def weak_fix(edge: Edge) -> str:
    """A concrete way to make ``edge`` weak, with the code's own names."""
    owner = edge.source.rsplit(".", 1)[-1]
    match = _ASSIGNMENT.match(edge.text)
    if match and match.group("value") == "None":
        # A class attribute's default (`parent: Tree = None`): the fix belongs where a value is stored.
        return (
            f"where `{owner}.{edge.attr}` is set to an object, store `weakref.ref(obj)` (or `weakref.proxy(obj)`), "
            f"or make `{edge.attr}` a property whose setter stores `weakref.ref(value)`"
        )
    if match and "[" not in match.group("target"):
        return (
            f"make `{owner}.{edge.attr}` a weak reference: `{match.group('target')} = "
            f"weakref.ref({match.group('value')})` (call it to get the object, None once it is gone), "
            f"`weakref.proxy(...)`, or a property whose setter stores `weakref.ref(value)`"
        )
    return (
        f"make `{owner}.{edge.attr}` hold its items weakly (a `weakref.WeakSet`, "
        f"`weakref.WeakValueDictionary`, or `weakref.ref(...)` items), or remove the entry when done"
    )


# -- cycles among one function's objects (leaklint.flow.objects) ---------------------------------

_FLOW_CACHE: List[Tuple[ClassGraph, FlowGraph]] = []

HARM = (
    "objects in a reference cycle are freed only when the cyclic garbage collector runs "
    "(late, and never under `gc.disable()`), not when the last outside reference goes"
)


def flow_for(graph: ClassGraph) -> FlowGraph:
    """The flow graph over ``graph``'s summaries, built once per class graph."""
    for cached_graph, flow in _FLOW_CACHE:
        if cached_graph is graph:
            return flow
    flow = FlowGraph(graph, graph.summaries)
    _FLOW_CACHE[:] = [(graph, flow)]
    return flow


def _short(name: Optional[str]) -> str:
    if not name:
        return "?"
    parts = name.split(".")
    return ".".join(parts[-2:]) if len(parts) > 1 and parts[-2][:1].isupper() else parts[-1]


def cycle_severity(graph: ClassGraph, cycle: ObjectCycle) -> Tuple[Confidence, str]:
    """(confidence, how often and why) for a cycle among one function's objects.

    High: it forms per loop iteration, or an object in it has `__del__`. Low (strict profile
    only): it forms once at import (objects that live as long as the process), or the code
    breaks one of its links itself. Medium otherwise: per instance or per call.
    """
    with_del = next((c for c in cycle.classes if graph.del_location(c) is not None), None)
    if cycle.broken is not None:
        owner, attr = cycle.broken
        return Confidence.LOW, f"the code breaks it itself (`{_short(owner)}` drops `{attr}`)"
    if cycle.root is not None and cycle.kind != "module":
        return Confidence.HIGH, (
            f"formed on every call of `{_short(cycle.function)}` and kept for the life of the process by "
            f"the module-level `{cycle.root}`"
        )
    if cycle.kind == "module" or cycle.owner_frequency == IMPORT:
        return Confidence.LOW, "formed once at import, among objects that live as long as the process"
    if cycle.owner_frequency == ITERATION:
        return Confidence.HIGH, f"`{_short(cycle.cls)}` objects are made on every loop iteration"
    if cycle.per_iteration:
        return Confidence.HIGH, f"formed on every loop iteration in `{_short(cycle.function)}`"
    if with_del is not None:
        return Confidence.HIGH, f"`{_short(with_del)}` has `__del__`, whose run the cycle delays"
    heavy = _heavy(graph, cycle.classes)
    if heavy is not None:
        return Confidence.HIGH, heavy
    if cycle.kind in ("init", "cached"):
        return Confidence.MEDIUM, f"formed for every `{_short(cycle.cls)}` instance"
    return Confidence.MEDIUM, f"formed on every call of `{_short(cycle.function)}`"


def _hop_words(hop: Hop, cycle: ObjectCycle) -> str:
    value = cycle.display(hop.value)
    if hop.via.startswith("bound:"):
        held = f"the bound method `{hop.value}.{hop.via[6:]}`, so `{value}`"
    elif hop.via == "closure":
        held = f"a lambda that uses `{hop.value}`, so `{value}`"
    else:
        held = f"`{value}`"
    words = f"`{hop.text}` makes `{cycle.display(hop.holder)}` hold {held}"
    inner = hop.innermost()
    if inner is not hop:
        words += f" (`{inner.text}`, {_where(inner)})"
    return words


def _where(hop: Hop) -> str:
    return f"{PurePath(hop.path).name}:{hop.line}"


def object_cycle_finding(rule: Type[Rule], graph: ClassGraph, cycle: ObjectCycle) -> Finding:
    """The finding for a cycle among one function's objects: each hop quoted (up to three), or
    each hop's file:line (longer ones)."""
    confidence, why = cycle_severity(graph, cycle)
    anchor = next(h for h in cycle.hops if h.derived)
    names = " -> ".join(cycle.display(h.holder) for h in [*cycle.hops, cycle.hops[0]])
    if len(cycle.hops) <= 3:
        steps = "; ".join(_hop_words(h, cycle) for h in cycle.hops)
    else:
        steps = ", ".join(
            f"`{cycle.display(h.holder)}` holds `{cycle.display(h.value)}` ({_where(h)})" for h in cycle.hops
        )
    message = f"reference cycle {names} ({why}): {steps}; {HARM}"
    return Finding(anchor.path, rule.code, rule.name, message, _object_fix(anchor), Location(
        anchor.line, anchor.column, anchor.line, anchor.column), confidence, related=object_hops(cycle))


def _object_fix(hop: Hop) -> str:
    inner = hop.innermost()
    if hop.via.startswith("bound:"):
        return (
            f"do not hand the bound method `{hop.value}.{hop.via[6:]}` to an object `{hop.value}` keeps: pass "
            f"`weakref.WeakMethod({hop.value}.{hop.via[6:]})` (call it, then the result), or a function that "
            f"takes what it needs as arguments"
        )
    if hop.via == "closure":
        return (
            f"let the callback hold `{hop.value}` weakly: `ref = weakref.ref({hop.value})` and "
            f"`lambda: ref().method()`, or drop the callback when done"
        )
    match = _ASSIGNMENT.match(inner.text)
    if match and "[" not in match.group("target"):
        return (
            f"make the back-reference weak where it is stored ({_where(inner)}): `{match.group('target')} = "
            f"weakref.ref({match.group('value')})` (call it to get the object), or drop the link when done"
        )
    return (
        f"break the link when done (remove the entry stored at {_where(inner)}, or set it to None in `close()`), "
        f"or hold it weakly (`weakref.ref`, `weakref.WeakSet`)"
    )


def class_cycle_severity(graph: ClassGraph, edges: Sequence[Edge]) -> Tuple[Confidence, str]:
    """(confidence, why) for a cycle between classes (instances that *can* point at each other).

    Low: a link of it is dropped by a close-like method or later in the function that makes it,
    or every class in it is only instantiated at import (process-lifetime objects). High: a
    class in it has `__del__`, its instances are kept in a module-level container, or it makes a
    thread/socket/file and the project makes it per call. Medium otherwise.
    """
    flow = flow_for(graph)
    for edge in edges:
        owner = flow.broken_by_release(edge.source, edge.attr)
        if owner is not None:
            return Confidence.LOW, f"the code breaks it itself: `{_short(owner)}` drops `{edge.attr}` when done"
        if (edge.path, edge.location.line) in flow.dropped_later:
            return Confidence.LOW, f"the code breaks it itself: `{edge.attr}` is dropped later in the same function"
    classes = [e.source for e in edges]
    frequencies = [flow.frequency(c) for c in classes]
    if frequencies and all(f == IMPORT for f in frequencies):
        return Confidence.LOW, "every object in it is made once at import and lives as long as the process"
    with_del = next((c for c in classes if graph.del_location(c) is not None), None)
    if with_del is not None:
        return Confidence.HIGH, f"`{_short(with_del)}` has `__del__`, whose run the cycle delays"
    rooted = next((c for c in classes if c in flow.rooted), None)
    if rooted is not None:
        return Confidence.HIGH, (
            f"`{_short(rooted)}` objects are kept for the life of the process by the module-level "
            f"`{flow.rooted[rooted]}`"
        )
    # Where a class-level cycle forms is not known, so neither is how often: a class made in a
    # loop somewhere, or one holding a thread, is high only when the project makes it per call.
    heavy = _heavy(graph, classes)
    if heavy is not None and any(f in (CALL, ITERATION) for f in frequencies):
        return Confidence.HIGH, heavy
    return Confidence.MEDIUM, ""


def _heavy(graph: ClassGraph, classes: Sequence[str]) -> Optional[str]:
    """Why the cycle's late release matters: an object in it makes a thread, socket, file..."""
    flow = flow_for(graph)
    for cls in classes:
        thing = flow.heavy_thing(cls)
        if thing is not None:
            return f"`{_short(cls)}` holds a `{thing}`, released only when the cycle is collected"
    return None


def cycle_hops(edges: Sequence[Edge]) -> str:
    """The other hops of a class-level cycle: quoted up to three hops, file:line beyond."""
    rest = edges[1:]
    if not rest:
        return ""
    if len(edges) <= 3:
        return ", and " + ", ".join(f"`{e.text}` ({PurePath(e.path).name}:{e.location.line})" for e in rest)
    return ", then " + ", ".join(
        f"{_short(e.source)}.{e.attr} at {PurePath(e.path).name}:{e.location.line}" for e in rest
    )
