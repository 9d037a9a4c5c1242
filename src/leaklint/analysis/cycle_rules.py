"""Shared base of the rules that read the project-wide class reference graph (LKL101, LKL102)."""

from __future__ import annotations

import re
import weakref
from pathlib import PurePath
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple, Type

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.class_graph import BACKREF, OWNED, ClassFacts, ClassGraph, Cycle, Edge, collect_class_facts, warns_only
from leaklint.analysis.hops import object_hops
from leaklint.analysis.inherited import IN_RELEASE
from leaklint.analysis.walk import iter_children, walk_scope
from leaklint.consequence import is_test_module
from leaklint.facts.on_demand import FactsByPath
from leaklint.facts.summaries import releases
from leaklint.flow.objects import CALL, IMPORT, ITERATION, FlowGraph, Hop, ObjectCycle
from leaklint.rule import Confidence, Finding, Location, Rule

# One graph per project pass, shared by the rules that run on the same facts.
_GRAPH_CACHE: List[Tuple[Tuple[Any, ...], ClassGraph]] = []

_ASSIGNMENT = re.compile(r"^(?P<target>[\w.\[\]'\"]+)\s*(?::[^=]+)?=\s*(?P<value>[\w.]+)$")


class ClassGraphRule(Rule):
    """A project-scope rule whose per-file facts are the file's class-graph facts."""

    project_scope = True
    # The project pass hands these rules a mapping that reads each file's facts when the class
    # graph indexes it (leaklint.facts.on_demand.FactsByPath), not every file's at once.
    reads_facts_on_demand = True

    def file_facts(self) -> Optional[ClassFacts]:
        facts = collect_class_facts(self.context)
        if not (facts.classes or facts.local_pairs or facts.summaries or facts.aliases):
            # A package's `__init__.py` that only re-exports (`from .base import Image`) is
            # kept for its aliases: without them `from .feature import ImageFeatures` elsewhere
            # names no class, and no edge through it is drawn.
            return None
        return facts


def graph_for(facts: Mapping[str, Any]) -> ClassGraph:
    """The class graph for ``facts``; built once when several rules pass the same facts."""
    if isinstance(facts, FactsByPath):
        # Read on demand (the project pass): one mapping per run of rules on the same facts.
        for cached_key, graph in _GRAPH_CACHE:
            if cached_key == (id(facts),):
                return graph
        graph = ClassGraph(facts)
        _GRAPH_CACHE[:] = [((id(facts),), graph)]
        _GRAPH_VALUES[:] = [(facts,)]
        return graph
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
    """A concrete way to break ``edge``, with the code's own names.

    A weak reference only where it is safe: a back-reference to the object that made and keeps
    the holder (`Child(self)` stored by `Child.__init__`). A reference handed in from elsewhere
    may be the only one that keeps its target alive (a parsed body, the response an exception
    carries), and a weak one would let it die: for those, drop the link when done.
    """
    owner = edge.source.rsplit(".", 1)[-1]
    match = _ASSIGNMENT.match(edge.text)
    if match and match.group("value") == "None":
        # A class attribute's default (`parent: Tree = None`): the fix belongs where a value is stored.
        return (
            f"where `{owner}.{edge.attr}` is set to an object, store `weakref.ref(obj)` (or `weakref.proxy(obj)`), "
            f"or make `{edge.attr}` a property whose setter stores `weakref.ref(value)`"
        )
    if edge.kind != BACKREF:
        return (
            f"drop the link when the objects are done with each other (`{owner}.{edge.attr} = None`, or remove "
            f"the entry, in `close()` or a `finally:`); a weak reference is safe only if something else keeps "
            f"the `{edge.target.rsplit('.', 1)[-1]}` alive"
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

    The default profile shows what a maintainer would change. High: the cycle forms per call or
    per loop iteration and is kept for the life of the process by a module-level container, or an
    object in it has `__del__`, or holds a socket, file or pool (not a thread) that no close-like method
    of its class releases. Medium: an object in it has an end-of-use hook that leaves the cycle
    (``ended_but_linked``). Low (strict profile only): the code breaks one of its links itself, it
    forms once at import, it is made in a test, or nothing heavy is in it (a per-instance or
    per-request cycle of plain objects costs one collection, which the young generation does).
    """
    with_del = next((c for c in cycle.classes if graph.cleanup_del(c) is not None), None)
    if cycle.broken is not None:
        owner, attr = cycle.broken
        fallback = finalizer_fallback(graph, owner, cycle.classes, attr)
        if fallback is not None:
            # `close()` drops the link and `__del__` calls `close()`: for a caller that never
            # closes, the cycle delays the very finalizer that would break it (teradata's cursors).
            return Confidence.HIGH, fallback
        return Confidence.LOW, f"the code breaks it itself (`{_short(owner)}` drops `{attr}`)"
    if any(is_test_file(h.path) for h in cycle.hops[:1]):
        return Confidence.LOW, "made in a test, whose objects live for one test"
    if cycle.root is not None and cycle.kind != "module":
        return Confidence.HIGH, (
            f"formed on every call of `{_short(cycle.function)}` and kept for the life of the process by "
            f"the module-level `{cycle.root}`"
        )
    if cycle.kind == "module" or cycle.owner_frequency == IMPORT:
        return Confidence.LOW, "formed once at import, among objects that live as long as the process"
    if with_del is not None:
        return Confidence.HIGH, f"`{_short(with_del)}` has `__del__`, whose run the cycle delays"
    heavy = heavy_reason(graph, cycle.classes)
    if heavy is not None:
        return Confidence.HIGH, heavy
    if cycle.owner_frequency == ITERATION or cycle.per_iteration:
        how = f"formed on every loop iteration in `{_short(cycle.function)}`"
    elif cycle.kind in ("init", "cached"):
        how = f"formed for every `{_short(cycle.cls)}` instance"
    else:
        how = f"formed on every call of `{_short(cycle.function)}`"
    if any(h.innermost().via == "container" and not h.via.startswith("bound:") and h.via != "closure"
           for h in cycle.hops):
        # A parent that keeps its children in a container, each pointing back: worth a default
        # report only when the items carry bulk data, which the cycle keeps until a collection.
        # A tree of plain objects (a parsed filter, a template's chunks) costs one collection.
        links = [h.innermost().attr for h in cycle.hops] + [attr for _cls, attr in cycle.links]
        bulk = bulk_reason(graph, cycle.classes, links)
        if bulk is not None:
            return Confidence.MEDIUM, f"a collection whose items point back at their holder, {how}; {bulk}"
        ended = ended_but_linked(graph, [cycle.cls, *cycle.classes], links)
        if ended is not None:
            return Confidence.MEDIUM, f"a collection whose items point back at their holder, {how}; {ended}"
        return Confidence.LOW, f"a collection of plain objects that point back at their holder, {how}"
    links = [h.innermost().attr for h in cycle.hops] + [attr for _cls, attr in cycle.links]
    ended = ended_but_linked(graph, [cycle.cls, *cycle.classes], links)  # the owner's end method first
    if ended is not None:
        return Confidence.MEDIUM, f"{how}; {ended}"
    return Confidence.LOW, f"{how}, with no open resource, thread or `__del__` in it"


def is_test_file(path: str) -> bool:
    """A test module (``test_*.py``, ``*_test.py``, ``conftest.py``, ``tests.py``, or a module of a
    test package, leaklint.consequence.is_test_module): its objects live for one test."""
    return PurePath(path).name == "tests.py" or is_test_module(path)


def _hop_words(hop: Hop, cycle: ObjectCycle) -> str:
    value = cycle.display(hop.value)
    if hop.via.startswith("bound:"):
        held = f"the bound method `{hop.value}.{hop.via[6:]}`, so `{value}`"
    elif hop.via == "closure":
        held = f"a lambda or nested function that uses `{hop.value}`, so `{value}`"
    else:
        held = f"`{value}`"
    words = f"`{hop.text}` makes `{cycle.display(hop.holder)}` hold {held}"
    inner = hop.innermost()
    if inner is not hop:
        words += f" (`{inner.text}`, {_where(inner)})"
    return words


def _where(hop: Hop) -> str:
    return f"{PurePath(hop.path).name}:{hop.line}"


def object_cycle_finding(rule: Type[Rule], graph: ClassGraph, cycle: ObjectCycle, left: Optional[str] = None) -> Finding:
    """The finding for a cycle among one function's objects: each hop quoted (up to three), or
    each hop's file:line (longer ones). ``left``: another cycle the same objects are in, which
    this finding's fix leaves (it then frees nothing, and the finding is low)."""
    confidence, why = cycle_severity(graph, cycle)
    if left is not None and confidence is not Confidence.LOW:
        confidence, why = Confidence.LOW, f"the object is also in the cycle {left}, which this fix leaves: it alone frees nothing"
    # the hop a call makes; else the store into an object a call returned (`self.box.owner = self`)
    anchor = next((h for h in cycle.hops if h.derived), None) or next(h for h in cycle.hops if h.holder[:1] == "#")
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
    # No weak reference to an object made for the holder (`#n`: nothing else owns it) or to a
    # list/dict display, which cannot be weakly referenced at all.
    fresh = hop.value.startswith("#") or "container" in (hop.via, inner.via)
    if match and "[" not in match.group("target") and not fresh:
        return (
            f"make the back-reference weak where it is stored ({_where(inner)}): `{match.group('target')} = "
            f"weakref.ref({match.group('value')})` (call it to get the object), or drop the link when done"
        )
    if fresh:
        return (
            f"break the link when done (remove the entry stored at {_where(inner)}, or set it to None in "
            f"`close()` or a `finally:`); not a weak reference: nothing else keeps `{hop.value}` alive"
            if not hop.value.startswith("#") else
            f"break the link when done (remove the entry stored at {_where(inner)}, or set it to None in "
            f"`close()` or a `finally:`); not a weak reference: nothing else keeps the stored object alive"
        )
    return (
        f"break the link when done (remove the entry stored at {_where(inner)}, or set it to None in `close()`), "
        f"or hold it weakly (`weakref.ref`, `weakref.WeakSet`)"
    )


def class_cycles(graph: ClassGraph, component: List[str]) -> List[Cycle]:
    """The cycles among the classes of one strongly connected ``component`` of the class graph.

    One class pointing at itself is a cycle only when an instance stores itself into another
    instance (`child.parent = self`) that it also holds (`self.children`): a linked list's
    `Node.next` alone is not a cycle."""
    if len(component) > 1:
        return graph.component_cycles(component)
    name = component[0]
    loops = [e for e in graph.adjacency.get(name, ()) if e.target == name]
    back = next((e for e in loops if e.kind == BACKREF and not e.text.startswith("self.")), None)
    other = next((e for e in loops if back is not None and e.attr != back.attr), None)
    if back is None or other is None:
        return []
    return [Cycle((back, other))]


def class_cycle_severity(graph: ClassGraph, edges: Sequence[Edge]) -> Tuple[Confidence, str]:
    """(confidence, why) for a cycle between classes (instances that *can* point at each other).

    Low: a link of it is dropped by a close-like method, in a `finally:`, by taking entries out
    of the container, or later in the function that makes it; a link of it is made only by a
    close-like method (`self._session = ClosedRemote(self)` in `close()`); every class in it is only
    instantiated at import (process-lifetime objects); it is made in a test; or nothing heavy is
    in it. High: a class in it has `__del__`, its instances are kept in a module-level container,
    or it makes a socket/file/pool (that no close-like method releases) and the project makes
    it per call. Medium: heavy, but how often it is made is not known, or a class in it has an
    end-of-use hook that leaves the cycle (``ended_but_linked``).
    """
    flow = flow_for(graph)
    members = [c for e in edges for c in (e.source, e.target)]
    for edge in edges:
        owner = flow.broken_by_release(edge.source, edge.attr, members)
        if owner is not None:
            return Confidence.LOW, f"the code breaks it itself: `{_short(owner)}` drops `{edge.attr}` when done"
        if (edge.path, edge.location.line) in flow.dropped_later:
            return Confidence.LOW, f"the code breaks it itself: `{edge.attr}` is dropped later in the same function"
    if edges and all(is_test_file(e.path) for e in edges):
        return Confidence.LOW, "made in a test, whose objects live for one test"
    closing = next((m for m in (_formed_in_release(flow, e) for e in edges) if m is not None), None)
    if closing is not None:
        # `def close(self): self._session.close(); self._session = ClosedRemote(self)`: the link
        # exists only once the object has released what it held, so the cycle delays nothing.
        return Confidence.LOW, f"it forms only in `{_short(closing)}`, once the object has released what it holds"
    chain = one_way_chain(graph, edges)
    if chain is not None:
        return Confidence.LOW, chain
    classes = [e.source for e in edges]
    frequencies = [flow.frequency(c) for c in classes]
    if frequencies and all(f == IMPORT for f in frequencies):
        return Confidence.LOW, "every object in it is made once at import and lives as long as the process"
    with_del = next((c for c in classes if graph.cleanup_del(c) is not None), None)
    if with_del is not None:
        return Confidence.HIGH, f"`{_short(with_del)}` has `__del__`, whose run the cycle delays"
    rooted = next((c for c in classes if c in flow.rooted), None)
    if rooted is not None:
        return Confidence.HIGH, (
            f"`{_short(rooted)}` objects are kept for the life of the process by the module-level "
            f"`{flow.rooted[rooted]}`"
        )
    # Where a class-level cycle forms is not known, so neither is how often: a class made in a
    # loop somewhere, or one holding a socket, is high only when the project makes it per call.
    heavy = heavy_reason(graph, classes)
    if heavy is not None:
        if any(f in (CALL, ITERATION) for f in frequencies):
            return Confidence.HIGH, heavy
        return Confidence.MEDIUM, heavy
    if any(_is_collection(e) for e in edges):
        backrefs = _backref_links(graph)
        tied = any(e.kind == BACKREF or (e.source, e.attr) in backrefs for e in edges)
        if not tied:
            # `named_rules[k] = rule` and `rule.target = Router(app)`: the classes can point at
            # each other, but no store hands an object the very instance that holds it.
            return Confidence.LOW, "no store in it hands an object back the instance that holds it"
        bulk = bulk_reason(graph, classes, [e.attr for e in edges])
        if bulk is not None:
            return Confidence.MEDIUM, bulk
        ended = ended_but_linked(graph, classes, [e.attr for e in edges]) if not _in_stubs(edges) else None
        if ended is not None:
            return Confidence.MEDIUM, ended
        return Confidence.LOW, "a tree of plain objects: no open resource, thread, bulk data or `__del__` in it"
    arrays = array_reason(graph, classes)
    if arrays is not None:
        # Two objects that point at each other, one of them keeping an array (menpo's `Image`
        # and the `ImageFeatures` helper it makes with itself: its `pixels` wait for a collection).
        # Not by name alone, as for trees: aiodocker's `Docker.images` is an API object.
        return Confidence.MEDIUM, arrays
    ended = ended_but_linked(graph, classes, [e.attr for e in edges]) if not _in_stubs(edges) else None
    if ended is not None:
        return Confidence.MEDIUM, ended
    return Confidence.LOW, "no open resource, thread or `__del__` in it"


def _in_stubs(edges: Sequence[Edge]) -> bool:
    """A link read from a stub (``.pyi``): annotations of a compiled module, not code that runs."""
    return any(e.path.endswith(".pyi") for e in edges)


def _formed_in_release(flow: FlowGraph, edge: Edge) -> Optional[str]:
    """The release method (``close``, ``shutdown``, ``__exit__``...) that makes ``edge``, when every
    store of the class that puts a ``edge.target`` into ``self.<attr>`` is in one."""
    made, elsewhere = _release_stores(flow)
    key = (edge.source, edge.attr, edge.target)
    return None if key in elsewhere else made.get(key)


_RELEASE_STORES: List[Tuple[FlowGraph, Tuple[Dict[Tuple[str, str, str], str], Set[Tuple[str, str, str]]]]] = []


def _release_stores(flow: FlowGraph) -> Tuple[Dict[Tuple[str, str, str], str], Set[Tuple[str, str, str]]]:
    """(class, attribute, stored class) -> the first release method (in the order of the scopes)
    storing such an object into ``self.<attribute>``, and the keys of those that a method other
    than a release method stores too. Two passes over the summaries for the whole graph: read for
    every edge, they cost a pass over every summary per cycle (hours on a generated module of
    40,000 classes, whose 20,000 cycles each read 80,000 summaries)."""
    for cached, stores in _RELEASE_STORES:
        if cached is flow:
            return stores
    made: Dict[Tuple[str, str, str], str] = {}
    for summary in _self_stores(flow, release=True):
        for key in _stored_kinds(flow.graph, summary):
            made.setdefault(key, summary["name"])
    elsewhere: Set[Tuple[str, str, str]] = set()
    if made:
        classes = {cls for cls, _attr, _target in made}
        for summary in _self_stores(flow, release=False, classes=classes):
            elsewhere.update(key for key in _stored_kinds(flow.graph, summary) if key in made)
    _RELEASE_STORES[:] = [(flow, (made, elsewhere))]
    return made, elsewhere


def _self_stores(flow: FlowGraph, release: bool, classes: Optional[Set[str]] = None) -> Iterator[Dict[str, Any]]:
    """The summaries of methods (release methods, or the others of ``classes``) that store into ``self``."""
    graph = flow.graph
    for _path, summary in flow.scopes:
        if not summary["cls"] or not summary["holds"]:
            continue
        if releases(summary["name"].rsplit(".", 1)[-1]) is not release:
            continue
        if classes is not None and graph.resolve(summary["cls"]) not in classes:
            continue
        yield summary


def _stored_kinds(graph: ClassGraph, summary: Mapping[str, Any]) -> Iterator[Tuple[str, str, str]]:
    """(class, attribute, stored class) for each store of an object of a known class into ``self.<attr>``."""
    cls = graph.resolve(summary["cls"])
    for hold in summary["holds"]:
        if hold[0] != summary["self"]:
            continue
        value = hold[2]
        kinds = list(summary["types"].get(value, ()))
        kinds += [c[1][1] for c in summary["calls"] if c[0] == value and c[1][0] == "new"]
        for kind in kinds:
            yield (cls, hold[1], graph.resolve(kind))


def one_way_chain(graph: ClassGraph, edges: Sequence[Edge]) -> Optional[str]:
    """Why a class-level self-loop is a chain, not a cycle, or None.

    `self._shadow_obj = shadow` (a shadow object that points at the one it wraps), `self._history
    = history` (earlier responses) in `__init__`: an attribute that holds *another* object of the
    same class, set only when the instance is made (so only to an older object), with no store
    handing an object back the instance that holds it and no second link of the class to itself
    (a tree has `parent` and `children`). Instances form a one-way chain from newer to older. So
    does an attribute holding an instance the object makes itself without handing it `self`
    (parallel-ssh's `self._proxy_client = SSHClient(proxy_host)`, set in a later method): a fresh
    object that never points back, wherever it is made."""
    if len(edges) != 1 or edges[0].source != edges[0].target or edges[0].kind == BACKREF:
        return None
    edge = edges[0]
    others = [e for e in graph.adjacency.get(edge.source, ()) if e.target == edge.source and e.attr != edge.attr]
    if others or (edge.kind != OWNED and _set_after_init(graph, edge.source, edge.attr)):
        return None  # a tree, or a setter that can point two instances at each other
    return (f"`{_short(edge.source)}.{edge.attr}` holds another `{_short(edge.target)}`, not the instance "
            f"itself: a one-way chain, and no store hands an object back the instance that holds it")


def _set_after_init(graph: ClassGraph, cls: str, attr: str) -> bool:
    """A method other than `__init__` stores into ``self.<attr>`` (a setter, a `link()`): an
    object made earlier can then point at one made later, and two can point at each other. Set
    only in `__init__`, the attribute can hold only an object that existed before the instance."""
    for _path, summary in flow_for(graph).scopes:
        if summary["cls"] == cls and summary["kind"] != "init":
            if any(hold[0] == summary["self"] and hold[1] == attr for hold in summary["holds"]):
                return True
    return False


_BACKREFS: List[Tuple[ClassGraph, Set[Tuple[str, str]]]] = []


def _backref_links(graph: ClassGraph) -> Set[Tuple[str, str]]:
    """(class, attribute) pairs some store fills with the instance that holds the storing object."""
    for cached, links in _BACKREFS:
        if cached is graph:
            return links
    links = {(e.source, e.attr) for e in graph.edges if e.kind == BACKREF}
    _BACKREFS[:] = [(graph, links)]
    return links


_ADD_CALL = re.compile(r"\.(append|appendleft|add|insert|setdefault|put|put_nowait|extend)\(")
_CONTAINER_ANNOTATION = re.compile(
    r"^(typing\.)?(List|list|Dict|dict|Set|set|Deque|deque|MutableMapping|OrderedDict|defaultdict)\["
)


def _is_collection(edge: Edge) -> bool:
    """A store of items into a container: `self.children.append(child)`, `self.nodes[k] = n`,
    `self.children = [Child(self)]`, `self.items: List[Item] = []`."""
    if _ADD_CALL.search(edge.text):
        return True
    target, equals, value = edge.text.partition("=")
    if not equals:
        return False
    target, colon, annotation = target.partition(":")
    annotation = annotation.strip().strip("'\"")
    if colon and _CONTAINER_ANNOTATION.match(annotation):
        return True
    return target.rstrip().endswith("]") or value.strip()[:1] in ("[", "{")


def finalizer_fallback(graph: ClassGraph, releaser: str, classes: Sequence[str], attr: Optional[str] = None) -> Optional[str]:
    """Why a link that ``releaser``'s close-like method drops, in a cycle one function makes,
    still matters: the class (or one of the cycle's) has a ``__del__`` that calls its own
    close-like method, the fallback for callers that never close, and the cycle delays that very
    ``__del__`` (fsspec's ``OpenFile``: ``close()`` drops its file layers, ``__del__`` calls
    ``close()``, a bound method set on the file holds the object). Not for class-level cycles:
    asyncio's loops, transports and futures all have such pairs, made and broken in normal use.

    ``attr``: the link dropped; the close-like method that drops it may be another class's, on
    the object holding it (teradata's `OdbcCursor.close()` runs `self.connection.cursors.remove(self)`,
    and `Cursor.__del__` calls `close()`): that class's family counts too."""
    family = set(graph.mro(releaser))
    for dropper in flow_for(graph).released_by.get(attr, ()) if attr is not None else ():
        family.update(graph.mro(dropper))
    for cls in classes:
        resolved = graph.resolve(cls) or cls
        found = graph.cleanup_del(resolved)
        info = graph.classes.get(found[0]) if found is not None else None
        if found is not None and info is not None and info.del_closes and (
                found[0] in family or releaser in graph.mro(resolved)):
            return (
                f"`{_short(found[0])}` has `__del__`, the cleanup for callers that never close it, and the cycle "
                f"delays that `__del__` (the link is dropped only once the object is closed)"
            )
    return None


# The hooks a framework calls once at the end of each object's use: an asyncio or Twisted
# protocol's end of its connection, a Qt window's close, a request handler's or a span's end.
# Objects with such a hook come and go at a rate (per connection, window, request, span). Not
# the generic `close()`, `stop()`, `shutdown()`: on packages nobody tuned on, those were mostly
# on clients and sessions made once per process (a cycle there costs nothing); not `__exit__`:
# a cycle a `with` block's object keeps was left by a merged fix that only dropped a `__del__`;
# and `stop_calculation()` stops a computation, not the object.
_ENDS_OBJECT = frozenset({"connection_lost", "connectionlost", "closeevent", "finish"})


def ends_object(method: str) -> bool:
    """``method`` is a framework's end-of-use hook by its whole name: ``connection_lost``,
    ``connectionLost``, ``closeEvent``, ``finish`` (not ``close`` nor ``tearDown``)."""
    return method.strip("_").lower() in _ENDS_OBJECT


def ended_but_linked(
    graph: ClassGraph, classes: Sequence[Optional[str]], links: Iterable[Optional[str]]
) -> Optional[str]:
    """Why a cycle of plain objects still matters: a class in it has a framework's end-of-use
    hook (``connection_lost()``, ``closeEvent()``, ``finish()``: ``ends_object``), so its objects
    are made and ended at a rate, and that hook leaves the cycle's links in place (the caller
    checks that no close-like method drops one): every ended object, with all it holds, then
    stays until a collection instead of going when its owner drops it. Not for classes made
    only at import (process-lifetime objects), nor when any method of the project drops an
    attribute named as one of the cycle's ``links`` (a helper the hook calls on the other
    object, `clean()`, may), nor when a release method ends or hands on the linked object
    (`def connection_lost(self, exc): self.heartbeat.stop()`).
    """
    flow = flow_for(graph)
    found = None
    for cls in classes:
        resolved = graph.resolve(cls) if cls else None
        if resolved is None or flow.frequency(resolved) == IMPORT:
            continue
        for owner in graph.mro(resolved):
            info = graph.classes.get(owner)
            method = next((m for m in sorted(info.methods) if ends_object(m)), None) if info is not None else None
            if method is not None:
                found = (owner, method, resolved)
                break
        if found is not None:
            break
    if found is None:
        return None
    attrs = {link for link in links if link}
    if attrs & flow.dropped_anywhere:
        return None
    ended = {IN_RELEASE + attr for attr in attrs}
    for cls in classes:
        resolved = graph.resolve(cls) if cls else None
        for owner in graph.mro(resolved) if resolved else ():
            info = graph.classes.get(owner)
            if info is not None and not ended.isdisjoint(info.released):
                return None
    owner, method, resolved = found
    return (
        f"`{_short(owner)}.{method}()` ends each `{_short(resolved)}` but leaves this cycle in place, so every "
        f"ended one, with all it holds, stays until the cyclic collector runs"
    )


def heavy_reason(graph: ClassGraph, classes: Sequence[str]) -> Optional[str]:
    """Why the cycle's late release matters: an object in it makes a socket, file, pool... (flow.objects._FREED_WITH_HOLDER) that
    no close-like method of its class releases (one that does frees it without the collector)."""
    flow = flow_for(graph)
    for cls in classes:
        thing = flow.heavy_thing(cls)
        if thing is not None and not flow.has_release_method(cls):
            return f"`{_short(cls)}` holds a `{thing}`, released only when the cycle is collected"
    return None


# Attributes that name bulk data (arrays, buffers, images): a tree whose items carry them keeps
# all of it until a collection. A name is the only sign of size a linter has without types.
BULK_ATTRS = frozenset({
    "data", "buffer", "buf", "array", "arrays", "image", "images", "pixels", "matrix", "samples", "frames", "blob",
})


def bulk_reason(graph: ClassGraph, classes: Sequence[str], links: Iterable[Optional[str]] = ()) -> Optional[str]:
    """Why a tree's late release matters: a class in it keeps bulk data (``self.data``,
    ``self.buffer``...), which the cycle holds until a collection.

    ``links``: the attributes the cycle itself runs through. One of them named like bulk data is
    the cycle's own link, not a payload it keeps (aiogram's ``ScenesManager.data`` is the dict
    that holds the manager; a Kaitai ``Ico.images`` is the list of the entries pointing back)."""
    own = {link for link in links if link}
    for cls in classes:
        resolved = graph.resolve(cls) if cls else None
        for owner in graph.mro(resolved) if resolved else ():
            info = graph.classes.get(owner)
            found = sorted(BULK_ATTRS.intersection(info.attrs) - own) if info is not None else []
            if found:
                return f"`{_short(resolved)}` keeps bulk data in `{found[0]}`, which the cycle holds until a collection"
    return None


def array_reason(graph: ClassGraph, classes: Sequence[str]) -> Optional[str]:
    """Why a cycle's late release matters: a class in it (or a base) keeps an array or buffer
    its own code makes (``self.pixels = np.asarray(data)``)."""
    for cls in classes:
        resolved = graph.resolve(cls) if cls else None
        for owner in graph.mro(resolved) if resolved else ():
            info = graph.classes.get(owner)
            if info is not None and info.array_attrs:
                return (
                    f"`{_short(resolved)}` keeps an array in `{sorted(info.array_attrs)[0]}`, which the cycle "
                    f"holds until a collection"
                )
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


_PER_GRAPH: List[List[Any]] = []


def per_graph_cache(entries: List[Any]) -> List[Any]:
    """Register a rule's one-entry cache keyed by a graph (``[(graph, value)]``), so that
    ``forget_graphs`` empties it too: an entry kept the whole graph alive after the pass."""
    _PER_GRAPH.append(entries)
    return entries


def forget_graphs() -> None:
    """Drop the cached class and flow graphs (and the facts they hold): the project pass calls
    this when the next rule reads other facts, and when it is done."""
    _GRAPH_CACHE.clear()
    _GRAPH_VALUES.clear()
    _FLOW_CACHE.clear()
    _BACKREFS.clear()
    _RELEASE_STORES.clear()
    for entries in _PER_GRAPH:
        entries.clear()


# -- the default-visibility policy for one file's cycles and pins (LKL103, LKL104, LKL108, LKL112) --

NO_CONSEQUENCE = "nothing in it is released late and it does not recur at a known rate"


def releasing_heavy(context: Any, cls: Any) -> Optional[str]:
    """What a cycle or pin through an instance of ``cls`` delays (lifetimes.heavy_holding: a
    `__del__`, or a thread, socket, file... that no close-like method releases), or None. A
    `__del__` that only warns or logs releases nothing: running it late costs nothing."""
    heavy = lt.heavy_holding(context, cls)
    if heavy is None or cls is None or "__del__" not in heavy:
        return heavy
    finaliser = next((s for s in lt.class_body(cls) if isinstance(s, cst.FunctionDef) and s.name.value == "__del__"),
                     None)
    if finaliser is not None and (warns_only(finaliser) or _placeholder(finaliser)):
        return None
    return heavy


def _placeholder(function: cst.FunctionDef) -> bool:
    """`def __del__(self): pass` (or a docstring, or `...`): a finaliser that does nothing."""
    body = function.body
    statements = body.body if isinstance(body, cst.IndentedBlock) else [body]
    for statement in statements:
        if not isinstance(statement, cst.SimpleStatementLine):
            return False
        for small in statement.body:
            if isinstance(small, cst.Pass):
                continue
            if isinstance(small, cst.Expr) and isinstance(small.value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis)):
                continue
            return False
    return True


def consequence_grade(context: Any, node: Any, cls: Any, *, pin: bool, grows: bool = False) -> Tuple[Confidence, str]:
    """(confidence, why) of a cycle or process-lifetime pin through ``self`` made at ``node``:
    lifetimes.retention_grade, held to the default-visibility policy (docs/rules.md, "Severity
    and profiles"). The default profile shows it only when a consequence can be named: it recurs
    (``grows``: one more entry per call; per loop iteration; for a pin, the class is made per
    call), or it delays a release (``releasing_heavy``). A cycle or pin of one object of a class
    whose creation rate is not known, with nothing heavy in it, is LOW (strict profile only)."""
    confidence, why = lt.retention_grade(context, node, cls, pin=pin, grows=grows)
    if confidence is Confidence.LOW:
        return confidence, why
    site = lt.retention_site(context, node)
    if grows or site == lt.SITE_LOOP:
        # The message names the rate: what recurs is the consequence.
        return confidence, why or ("one more on every loop iteration, so they pile up" if site == lt.SITE_LOOP
                                   else "one more on every call, so they pile up")
    heavy = releasing_heavy(context, cls)
    if heavy is not None:
        return Confidence.HIGH, heavy
    if pin:
        # A process-lifetime registry with no removal: every object registered stays until exit,
        # a container that grows per instance (ddtrace's tracers, devlib's SSH connections). Not
        # when the only maker is a lazy factory that keeps one per owner.
        if lt.made_per_call(context, cls) and memoised_instances(context, cls):
            return Confidence.LOW, (f"`{cls.name.value}` is made in a function only once per owner (`if ... is None:`, "
                                    f"then kept on an attribute), so nothing piles up")
        if confidence is Confidence.HIGH and not why and lt.made_per_call(context, cls):
            why = f"the module makes a `{cls.name.value}` per call: one more pinned each time"
        return confidence, why
    bulk = bulk_attribute(cls)
    if bulk is not None:
        return Confidence.MEDIUM, f"`{cls.name.value}` keeps bulk data in `{bulk}`, which the cycle holds until a collection"
    return Confidence.LOW, f"one cycle per object: {NO_CONSEQUENCE}"


def bulk_attribute(cls: Any) -> Optional[str]:
    """An attribute of ``cls`` named as bulk data (``self.images = ...``, BULK_ATTRS) that one of its
    methods stores, or None: a name is the only sign of size a linter has without types."""
    if cls is None:
        return None
    for method in lt.class_methods(cls):
        for node in walk_scope(method):
            if isinstance(node, cst.Assign):
                for target in node.targets:
                    if lt.is_self_attribute(target.target) and target.target.attr.value in BULK_ATTRS:  # type: ignore[attr-defined]
                        return target.target.attr.value  # type: ignore[attr-defined]
    return None


_MEMOISED: "weakref.WeakKeyDictionary[Any, Dict[str, bool]]" = weakref.WeakKeyDictionary()


def memoised_instances(context: Any, cls: Any) -> bool:
    """Every `Cls(...)` of this file inside a function sits in a lazy initialisation: an `if x is
    None:` (or `if not x:`) whose body also stores into an attribute or a subscript (`stats =
    HueyStats(huey); huey._stats = stats`). Such a factory makes one object per owner, not one per
    call, whatever calls it."""
    if cls is None:
        return False
    per_file = _MEMOISED.setdefault(context, {})
    name = cls.name.value
    if name not in per_file:
        per_file[name] = _all_memoised(context, name)
    return per_file[name]


def _all_memoised(context: Any, name: str) -> bool:
    found = False
    stack: List[Tuple[cst.CSTNode, Optional[cst.If], bool]] = [(context.module, None, False)]
    while stack:
        node, guard, in_function = stack.pop()
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == name and in_function:
            if guard is None:
                return False
            found = True
        if isinstance(node, cst.FunctionDef):
            in_function, guard = True, None
        elif isinstance(node, cst.If) and _lazy_guard(node):
            for child in iter_children(node):
                stack.append((child, node if child is node.body else guard, in_function))
            continue
        for child in iter_children(node):
            stack.append((child, guard, in_function))
    return found


def _lazy_guard(node: cst.If) -> bool:
    """`if x is None:` / `if not x:` whose body stores into an attribute or subscript."""
    test = node.test
    is_none = (isinstance(test, cst.Comparison) and len(test.comparisons) == 1
               and isinstance(test.comparisons[0].operator, cst.Is)
               and isinstance(test.comparisons[0].comparator, cst.Name) and test.comparisons[0].comparator.value == "None")
    negated = isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not)
    if not (is_none or negated):
        return False
    for statement in node.body.body if isinstance(node.body, cst.IndentedBlock) else ():
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and any(
                        isinstance(t.target, (cst.Attribute, cst.Subscript)) for t in small.targets):
                    return True
    return False
