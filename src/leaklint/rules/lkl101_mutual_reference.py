"""LKL101: objects that hold strong references to each other (a reference cycle)."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Iterable, List, Mapping, NamedTuple, Optional, Set, Tuple

from leaklint.analysis.class_graph import BACKREF, PARAM, ClassGraph, Cycle, LocalPair, LocalStore
from leaklint.analysis.cycle_rules import (
    ClassGraphRule, bulk_reason, class_cycle_severity, class_cycles, cycle_hops, finalizer_fallback, flow_for, graph_for, heavy_reason, is_test_file,
    object_cycle_finding, per_graph_cache, weak_fix,
)
from leaklint.analysis.hops import edge_hops, pair_hops
from leaklint.flow.objects import Hop, ObjectCycle
from leaklint.rule import LOW_HIDDEN_KEY, Bad, Confidence, Finding, Good

_HARM = (
    "objects in a reference cycle are freed only when the cyclic garbage collector runs "
    "(late, and never under `gc.disable()`), not when the last outside reference goes"
)


_HANDS_BACK = "hands an object back"


class _Hidden(NamedTuple):
    """A low-confidence cycle the run's profile hides (``LOW_HIDDEN_KEY``): it still takes its
    line from a lower-ranked finding there, as a reported one would, and is then left out."""

    path: str
    line: int
    message: str  # _HANDS_BACK when the message says it, else empty
    confidence = Confidence.LOW


class MutualReference(ClassGraphRule):
    """
    ## What it does
    Flags two objects, or two classes, that hold strong references to each other: `a.b = b;
    b.a = a`, `a.append(b); b.append(a)`, `self.children.append(child)` with `child.parent = self`,
    or a `Child(self)` whose `__init__` stores the parent. Classes are followed across methods and
    modules through the project-wide class reference graph, and the message spells out the cycle,
    such as `Tree.children -> Node.parent -> Tree`.

    It also follows what calls do with their arguments (function summaries composed across the
    project): `child = Node(self)` kept in `self.children` (a same-class tree, also with
    `parent=self` as a keyword or a dataclass field), `reader = Reader(); protocol =
    Protocol(reader); transport = Transport(protocol); reader.set_transport(transport)`, a setter
    method (`leaf.attach(self)`), and a bound method or lambda of `self` handed to an object that
    `self` keeps (`self.kernel = Kernel(fn=self.potential)`, `Button(on_click=lambda:
    self.advance())`, a `functools.cached_property` whose value holds `self`), and an object a
    factory method returns (`self.box = self.make_box(); self.box.owner = self`, the method
    annotated `-> Box` or returning `Box(...)`). The message quotes
    each hop and the store inside the callee, and says how often the cycle forms. Within one
    function, `self` also holds what it keeps in a container (`self.children = [child]`, a local
    list later kept as `self.files`), what a loop over its own container yields (`for child in
    self.children:`) and what is read out of it (`item = self._items[key]`, `value = item.value`),
    and a bound method of `self` (`f.__fspath__ = self.__fspath__`) holds `self`.

    Confidence follows the consequence (see "Severity and profiles" above): high when an object in
    the cycle has `__del__`, makes a socket, file or pool that no close-like method releases (not
    a thread: a running one lives on whoever references it, a finished one holds nothing, so the
    cycle delays no release), or is kept in a module-level container; medium for a collection whose items point
    back at their holder and carry bulk data (`self.data`, `self.buffer`...), for two objects
    pointing at each other when one keeps an array its code makes (`self.pixels =
    np.asarray(data)`, `bytearray(n)`), and for a cycle through an object whose class has a
    framework's end-of-use hook (`connection_lost()`, `connectionLost()`, `closeEvent()`,
    `finish()`) that leaves the cycle in place: such objects are made and ended at a rate (per
    connection, window, request or span), and every ended one then stays, with all it holds,
    until a collection (not when any method drops a link of the cycle, nor when the hook ends the
    linked object, `self.heartbeat.stop()`, nor for objects made only at import; a generic
    `close()` is no such sign: clients made once per process have one); low, and shown only
    by the strict profile, for a per-instance or per-call cycle of plain objects (a tree of plain
    nodes included: its owner is often the only holder of its children, so no link can be made
    weak), for cycles made once at import or in a test module, for intentionally circular lists,
    and for cycles broken by the code itself (`close()`, `connection_lost()`, `__exit__`,
    `destroy()`, a method one of those calls that drops the link, any method's `finally:`,
    entries popped from their container, or a later drop in the same function, unless the cycle
    is one a function makes and a class in it has a `__del__` that calls its own `close()`: that
    is the cleanup for callers who never close, and the cycle delays it; taking one child out
    of a tree whose nodes are of one class, `remove(child)`, is an edit of the tree, not its
    teardown). A cycle that a
    constructor makes when it also makes another one through other stores is low too: a
    `Connection` whose constructor hands bound methods of `self` to three helpers it keeps is in
    three cycles, and making one of those links weak frees nothing (the message names the other). A bound
    method of `self` handed to a method that keeps it (`self.scale.listen(self.update)`) is LKL104's,
    unless the class inherits that method (Flask's `view_func=self.send_static_file`, defined in a
    base class of another module), which LKL104 cannot see.

    ## Why is this bad?
    CPython frees an object as soon as its reference count drops to zero, except when it sits in
    a reference cycle: then it waits for the cyclic garbage collector. The collector does free
    cycles (also those with `__del__`, since Python 3.4), but later: large buffers, open files
    and sockets held by the cycle stay alive until a collection happens to run (never, under
    `gc.disable()`), finalizers of the objects in the cycle run in no fixed order, and building a
    cycle per call on a hot path adds work for the collector. Making the back-reference weak
    (`weakref.ref`, `weakref.proxy`, or a property over a weakref) lets reference counting free
    the whole structure at once.

    ## Known problems
    Types are known from calls (`x = Node()`), annotations (`parent: Tree`), `self`, and the
    classes call sites pass to a parameter; a receiver whose class none of these gives is not
    followed (`obj.attach(self)` with `obj` of unknown class), nor are calls through `*args`,
    `getattr` or callbacks. Summaries compose four calls deep. A cycle between classes says that
    instances *can* point at each other; a program may never link the same two instances both
    ways. A link broken by a method whose name does not say so (`finish_request`) is seen only when a
    close-like method calls it (two calls deep). Bulk data is recognised by attribute names only. A `__slots__` class without `__weakref__` needs that slot before
    `weakref.ref` works on it. Under flake8, which checks one file at a time, only cycles within
    one file are found.

    ## References
    - No rule in ruff, pylint or flake8-bugbear looks for reference cycles.
    - Python docs: `gc`, `weakref`; PEP 442 (safe object finalization, Python 3.4).
    - Related: LKL102 (`__del__` in a cycle), LKL103 (an object in its own container).
    """

    code = "LKL101"
    name = "mutual-reference"
    message = "reference cycle: {cycle}"
    examples = (
        Bad(
            "class Node:\n    def __init__(self, parent=None, data=b''):\n        self.parent = parent\n"
            "        self.children = []\n        self.data = data\n\n    def add(self, data):\n"
            "        child = Node(self, data)\n        self.children.append(child)\n        return child\n"
        ),
        Bad(
            "import socket\n\n\nclass Peer:\n    def __init__(self):\n        self.sock = socket.socket()\n"
            "        self.other = None\n\n\ndef connect_pair():\n    a = Peer()\n    b = Peer()\n"
            "    a.other = b\n    b.other = a\n    return a\n"
        ),
        Bad(
            "class Tree:\n    def __init__(self):\n        self.children = []\n\n"
            "    def add(self, child: 'Node') -> None:\n        self.children.append(child)\n"
            "        child.parent = self\n\n\n"
            "class Node:\n    def __init__(self):\n        self.parent = None\n        self.buffer = bytearray(1 << 20)\n"
        ),
        Good(
            "import weakref\n\n\nclass Tree:\n    def __init__(self):\n        self.children = []\n\n"
            "    def add(self, child: 'Node') -> None:\n        self.children.append(child)\n"
            "        child.parent = weakref.ref(self)\n\n\n"
            "class Node:\n    def __init__(self):\n        self.parent = None\n"
        ),
    )

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        graph = graph_for(facts)
        low_hidden = bool(settings.get(LOW_HIDDEN_KEY))
        findings: List[Any] = []  # Finding, or _Hidden where the profile hides a low one
        local_lines: Set[Tuple[str, int]] = set()
        for pair in graph.local_pairs:
            finding = cls._local(graph, pair)
            if finding is not None:
                findings.append(finding)
                local_lines.update({(pair.path, pair.first.location.line), (pair.path, pair.second.location.line)})
        class_lines: Set[Tuple[str, int]] = set()
        class_links: Set[Tuple[str, str]] = set()
        for component in graph.cyclic_components():
            for cycle in class_cycles(graph, component):
                if all((e.path, e.location.line) in local_lines for e in cycle.edges):
                    continue  # the same stores are already reported as a local pair
                finding = cls._cycle_finding(graph, cycle, low_hidden)
                findings.append(finding)
                if finding.confidence is Confidence.LOW and _HANDS_BACK in finding.message:
                    continue  # a cycle among one function's objects may still show these stores tie
                class_lines.update((e.path, e.location.line) for e in cycle.edges)
                class_links.update((e.source, e.attr) for e in cycle.edges)
        # Cycles among one function's objects, found through the calls that make them; one whose
        # every store is already part of a reported class-level cycle is not repeated.
        object_cycles = []
        for object_cycle in flow_for(graph).cycles():
            stores = {(hop.innermost().path, hop.innermost().line) for hop in object_cycle.hops}
            if stores <= class_lines or stores <= local_lines:
                continue
            if len(object_cycle.links) == len(object_cycle.hops) and set(object_cycle.links) <= class_links:
                continue  # the class-level cycle through the same attributes is reported
            if any(_handed_to_keeper_method(graph, object_cycle, hop) for hop in object_cycle.hops):
                continue  # `self.scale.listen(self.update)`: LKL104's, which reports it with its fix
            object_cycles.append(object_cycle)
        for object_cycle in object_cycles:
            left = _instance_cycle_left(graph, object_cycle, object_cycles)
            findings.append(object_cycle_finding(cls, graph, object_cycle, left=left))
        unique: dict = {}
        rank = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}
        for finding in findings:
            kept = unique.get((finding.path, finding.line))
            if kept is None or rank[finding.confidence] > rank[kept.confidence]:
                unique[(finding.path, finding.line)] = finding
        return _one_per_cycle([finding for finding in unique.values() if type(finding) is not _Hidden])

    @classmethod
    def _cycle_finding(cls, graph: ClassGraph, cycle: Cycle, low_hidden: bool = False) -> Any:
        edge = cycle.edges[0]
        role = "stores a strong back-reference" if edge.kind in (BACKREF, PARAM) else "closes the cycle"
        confidence, why = class_cycle_severity(graph, cycle.edges)
        hops = cycle_hops(cycle.edges)
        message = f"reference cycle {cycle.spelled()}{f' ({why})' if why else ''}: `{edge.text}` {role}{hops}; {_HARM}"
        if low_hidden and confidence is Confidence.LOW:
            # Not reported under this profile: only its place, and the one thing check_project
            # reads in its message (not the message, the related hops and the fix text).
            return _Hidden(edge.path, edge.location.line, _HANDS_BACK if _HANDS_BACK in message else "")
        return Finding(
            edge.path, cls.code, cls.name, message, weak_fix(edge), edge.location, confidence, related=edge_hops(cycle.edges)
        )

    @classmethod
    def _local(cls, graph: ClassGraph, pair: LocalPair) -> Optional[Finding]:
        if graph.is_weak_store(pair.first) or graph.is_weak_store(pair.second):
            return None
        first, second = pair.first, pair.second
        message = (
            f"`{first.holder}` and `{first.value}` hold strong references to each other "
            f"(`{first.text}`, then `{second.text}`): {_HARM}"
        )
        owner = graph.property_class(second)
        # The back-reference is the store to weaken: `child.parent = self` when the other store
        # puts the child into its holder's container (`self.children.append(child)`), whose items
        # nothing else may keep (a weak container would lose them).
        back = first if (_is_container_store(second) and first.via_setattr and first.attr is not None
                         and not _is_container_store(first) and first.value == "self") else second
        bound = _bound_method_text(back)
        if bound is not None and back.attr is not None:
            suggestion = (
                f"do not keep the bound method on `{back.holder}`, or keep it weakly: "
                f"`{back.holder}.{back.attr} = weakref.WeakMethod({bound})` (call it, then call the method it "
                f"gives), or break the link when done (`{unlink(first if back is second else second)}`)"
            )
        elif owner is not None:
            suggestion = (
                f"make the setter of `{owner.rsplit('.', 1)[-1]}.{second.attr}` store a weak reference "
                f"(`weakref.ref(value)`, returned as `ref()` by the getter), so that "
                f"`{second.holder}.{second.attr} = {second.value}` no longer keeps `{second.value}` alive"
            )
        elif back.attr is not None and back.via_setattr and not back.value_plain:
            suggestion = (
                f"make the back-reference weak: `{back.holder}.{back.attr} = weakref.ref({back.value})` "
                f"(or `weakref.proxy`, or a property whose setter stores `weakref.ref(value)`)"
            )
        elif second.value_plain:
            # A plain list or dict cannot be weakly referenced: break one of the two links instead.
            suggestion = (
                f"break the cycle when done: `{unlink(second)}` (or `{unlink(first)}`), e.g. in a "
                f"`finally:` or the owner's `close()`"
            )
        else:
            suggestion = (
                f"break the link when done (`{unlink(second)}`), or let `{second.holder}` hold "
                f"`{second.value}` weakly ({weak_holder(second)}) when `{second.value}` supports weak references"
            )
        confidence, why = cls._local_severity(graph, pair)
        if why:
            message += f"; {why}"
        return Finding(
            pair.path, cls.code, cls.name, message, suggestion, second.location, confidence, related=pair_hops(pair)
        )


    @classmethod
    def _local_severity(cls, graph: ClassGraph, pair: LocalPair) -> Tuple[Confidence, str]:
        """A cycle one function makes each time it runs: in the default selection only with
        evidence of cost (a `__del__`, an open resource or thread, objects kept by a module-level
        container, bulk data in a collection whose items point back, or a descriptor tying
        the cycle to every object it is read on); low otherwise."""
        first, second = pair.first, pair.second
        flow = flow_for(graph)
        if any((pair.path, s.location.line) in flow.dropped_later for s in (first, second)):
            # `scope[key] = self` ... `finally: scope.pop(key)`: the code breaks it itself.
            return Confidence.LOW, "the code breaks it itself later in the same function"
        classes = [graph.resolve(c) or c for c in (*first.holder_types, *second.holder_types) if graph.resolve(c)]
        for store in (first, second):
            if not store.holder_types and store.attr is not None and store.via_setattr:
                # `for column in columns: column.parent_table = self`: the holder's class is not
                # known, but when one class of the project alone has that attribute, it is that one.
                owner = _only_class_with(graph, store.attr)
                if owner is not None and owner not in classes:
                    classes.append(owner)
        for store in (first, second):
            for holder_type in store.holder_types if store.attr is not None else ():
                owner = flow.broken_by_release(holder_type, store.attr, classes)  # type: ignore[arg-type]
                fallback = finalizer_fallback(graph, owner, classes, store.attr) if owner is not None else None
                if fallback is not None:
                    return Confidence.HIGH, fallback
                if owner is not None:
                    return Confidence.LOW, (
                        f"the code breaks it itself: `{owner.rsplit('.', 1)[-1]}` drops `{store.attr}` when done"
                    )
        if is_test_file(pair.path):
            return Confidence.LOW, "made in a test, whose objects live for one test"
        with_del = next((c for c in classes if graph.cleanup_del(c) is not None), None)
        if with_del is not None:
            return Confidence.HIGH, f"`{with_del.rsplit('.', 1)[-1]}` has `__del__`, whose run the cycle delays"
        heavy = heavy_reason(graph, classes)
        if heavy is not None:
            return Confidence.HIGH, heavy
        rooted = next((c for c in classes if c in flow.rooted), None)
        if rooted is not None:
            return Confidence.HIGH, (
                f"`{rooted.rsplit('.', 1)[-1]}` objects are kept for the life of the process by the module-level "
                f"`{flow.rooted[rooted]}`"
            )
        if any(".__dict__[" in s.text for s in (first, second)):
            # A descriptor caching a helper in the instance's `__dict__` that points back at the
            # instance: every object it is read on, whatever it holds, is then freed by the collector.
            return Confidence.MEDIUM, "made in the `__dict__` of every object it is read on, whatever that object holds"
        collection = first.attr is None or second.attr is None or not (first.via_setattr and second.via_setattr)
        if collection:
            bulk = bulk_reason(graph, classes, [first.attr, second.attr])
            if bulk is not None:
                return Confidence.MEDIUM, f"a collection whose items point back at their holder; {bulk}"
            return Confidence.LOW, "a collection of plain objects that point back at their holder: nothing heavy in it"
        return Confidence.LOW, "two plain objects with no open resource, thread or `__del__` in the cycle"


def _one_per_cycle(findings: List[Finding]) -> List[Finding]:
    """One finding per cycle of a file: stores that form the same cycle through the same classes
    (pywebview's `Window.__init__` makes fifteen `Event(self)`, each stored in `self.events`) are
    one cause with one fix; the first store is reported and names the others' lines."""
    groups: dict = {}
    for finding in sorted(findings, key=lambda f: f.sort_key()):
        head = finding.message.split("): ", 1)[0] if finding.message.startswith("reference cycle ") else None
        groups.setdefault((finding.path, head) if head is not None else id(finding), []).append(finding)
    kept = []
    for group in groups.values():
        first = group[0]
        if len(group) > 1:
            lines = ", ".join(str(f.line) for f in group[1:])
            first = dataclasses.replace(
                first, message=f"{first.message} (the same cycle forms through the stores on lines {lines})"
            )
        kept.append(first)
    return kept


_METHOD_CALL = re.compile(r"^[\w.]+\.(?P<method>[a-z_]\w*)\(")


def _instance_cycle_left(graph: ClassGraph, cycle: ObjectCycle, cycles: List[ObjectCycle]) -> Optional[str]:
    """Another cycle that every instance of ``cycle``'s class forms in its constructor (or a base
    class's), through other stores: with it left, the fix of ``cycle`` alone frees nothing.

    Only cycles one constructor makes (callbacks and helpers tied to ``self``) are read so: where
    two class-level links tie a tree (a node's ``parent`` and ``_root``), maintainers make both
    weak in one change, and each finding points at one of them."""
    if cycle.cls is None or cycle.kind not in ("init", "cached"):
        return None
    bases = graph.mro(cycle.cls)
    anchors = {(h.path, h.line) for h in cycle.hops}
    for other in cycles:
        if other is cycle or other.kind != "init" or other.cls not in bases:
            continue
        if anchors.isdisjoint((h.path, h.line) for h in other.hops):
            names = " -> ".join(other.display(h.holder) for h in [*other.hops, other.hops[0]])
            first = other.hops[0]
            return f"{names} at {first.path.rsplit('/', 1)[-1]}:{first.line}"
    return None


def _handed_to_keeper_method(graph: ClassGraph, cycle: ObjectCycle, hop: Hop) -> bool:
    """A bound method or closure of `self` handed to a method that keeps it, on an object of a
    class in the same file (`self._scale.listen(self._update)`): LKL104 reports that shape. Not a
    bound method the class inherits (Flask's `view_func=self.send_static_file`, defined in its
    `Scaffold` base): LKL104 reads one class body and does not know it for a method."""
    if not (hop.via.startswith("bound:") or hop.via == "closure") or not hop.through:
        return False
    if hop.via.startswith("bound:") and cycle.cls is not None:
        info = graph.classes.get(graph.resolve(cycle.cls) or cycle.cls)
        if info is not None and hop.via[6:] not in info.methods:
            return False
    return _METHOD_CALL.match(hop.text) is not None and hop.innermost().path == hop.path


_ATTR_OWNERS: List[Tuple[ClassGraph, dict]] = per_graph_cache([])


def _only_class_with(graph: ClassGraph, attr: str) -> Optional[str]:
    """The one class of the project whose own code sets ``attr`` (None: none, or several)."""
    for cached, owners in _ATTR_OWNERS:
        if cached is graph:
            break
    else:
        owners = {}
        for name, info in graph.classes.items():
            for owned in info.attrs:
                owners.setdefault(owned, []).append(name)
        _ATTR_OWNERS[:] = [(graph, owners)]
    found = owners.get(attr, [])
    return found[0] if len(found) == 1 else None


def _bound_method_text(store: LocalStore) -> Optional[str]:
    """``self.__fspath__`` for the store ``f.__fspath__ = self.__fspath__`` (a bound method of the
    value stored, which holds it), else None."""
    found = re.search(rf"=\s*({re.escape(store.value)}\.\w+)\s*$", store.text)
    return found.group(1) if found is not None and store.via_setattr else None


def _is_container_store(store: LocalStore) -> bool:
    """``holder.items.append(value)``, ``holder.items[k] = value``, ``holder.append(value)``."""
    return store.attr is None or not store.via_setattr


_ADD_METHODS = {"append": "remove", "appendleft": "remove", "insert": "remove", "add": "discard"}


def unlink(store: LocalStore) -> str:
    """The statement that undoes ``store``, spelled for the container or attribute it wrote."""
    if store.via_setattr and store.attr is not None:
        return f"{store.holder}.{store.attr} = None"
    call = re.match(r"^(?P<container>.+)\.(?P<method>\w+)\(", store.text)
    if call is not None and call.group("method") in _ADD_METHODS:
        return f"{call.group('container')}.{_ADD_METHODS[call.group('method')]}({store.value})"
    item = re.match(r"^(?P<target>.+\])\s*=", store.text)
    if item is not None:
        return f"del {item.group('target')}"
    return f"{store.holder}.{store.attr} = None" if store.attr is not None else f"del {store.holder}"


def weak_holder(store: LocalStore) -> str:
    """The weak form of the holder ``store`` wrote into."""
    if re.match(r"^.+\]\s*=", store.text):
        return "a `weakref.WeakValueDictionary`"
    if re.match(r"^.+\.(append|appendleft|insert|add)\(", store.text):
        return "a `weakref.WeakSet`"
    return f"`weakref.ref({store.value})`"

