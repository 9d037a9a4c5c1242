"""Who holds what: function summaries composed across calls, and the object cycles they close.

Each function's summary (``leaklint.facts.summaries``) says which of its values hold which, in
its own names. This pass resolves the calls in it (``Class(...)`` to ``__init__`` through the
class's bases, ``self.m(...)`` and ``obj.m(...)`` when the class of ``obj`` is known,
``super().m(...)``, module functions through imports) and maps the callee's summary onto the
caller's arguments: after ``protocol = Protocol(reader)`` the local ``protocol`` holds ``reader``
because ``Protocol.__init__`` stores its parameter. Summaries compose to a bounded depth, so a
value handed through two constructors is still followed.

A cycle among one function's objects (``child = Node(self)`` then ``self.children.append(child)``)
is a cycle between two real instances, not between two classes that might point at each other.
Each cycle comes with how often it forms (once at import, per instance, per call, per loop
iteration), whether the code breaks one of its links itself, and the statements of every hop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

from leaklint.analysis.class_graph import ClassGraph
from leaklint.facts.on_demand import SummaryStore
from leaklint.facts.summaries import HEAVY, LONG_LIVED, NESTED, RETURN, releases as _releases

# What a cycle's late collection delays: the heavy things freed with the object that holds them
# (a socket or file is closed, a pool's workers told to exit). Not a thread or timer: a running
# one lives on whoever references it, and a finished one holds nothing, so a cycle through its
# holder delays no release (pyicloud's manager, whose monitor thread pins it anyway).
_FREED_WITH_HOLDER = HEAVY - {"threading.Thread", "threading.Timer"}

Summary = Dict[str, Any]

MAX_DEPTH = 4  # how many calls deep a summary follows its arguments

# How often an allocation site runs, least often first.
IMPORT, INSTANCE, CALL, ITERATION = "import", "instance", "call", "iteration"
_RANK = {IMPORT: 0, INSTANCE: 1, CALL: 2, ITERATION: 3}
MAX_CYCLE = 5  # the longest cycle of objects searched for
GLOBAL = "<global>"  # the receiver of a call on a module-level object (`bus.register(...)`)


@dataclass(frozen=True)
class Hop:
    """After the statement at ``path:line``, ``holder`` holds ``value`` (in ``attr``)."""

    holder: str
    value: str
    attr: Optional[str]
    via: str  # ref, container, bound:<method>, closure
    path: str
    line: int
    column: int
    text: str
    branches: Tuple[Tuple[int, bool], ...] = ()
    loop: bool = False
    through: Tuple["Hop", ...] = ()  # inside the callee: the stores that make this hold
    callee: str = ""  # for a derived hop: the summary key of the function whose call makes it

    @property
    def derived(self) -> bool:
        return bool(self.through)

    def innermost(self) -> "Hop":
        hop = self
        while hop.through:
            hop = hop.through[-1]
        return hop


@dataclass(frozen=True)
class ObjectCycle:
    """A cycle among the objects of one function: each hop's holder holds the next hop's holder."""

    function: str
    kind: str  # module, function, method, init, cached
    cls: Optional[str]
    hops: Tuple[Hop, ...]
    per_iteration: bool
    broken: Optional[Tuple[str, str]]  # (class or local, attr) whose link the code drops
    classes: Tuple[str, ...]  # classes of the objects in the cycle, where known
    names: Tuple[Tuple[str, str], ...] = ()  # `#n` -> how to call it in a message
    owner_frequency: Optional[str] = None  # for a cycle made by a constructor: how often it runs
    links: Tuple[Tuple[str, str], ...] = ()  # (class, attribute) of each hop's store, where known
    root: Optional[str] = None  # a module-level container the function puts an object of it in

    def display(self, name: str) -> str:
        return dict(self.names).get(name, name)


class FlowGraph:
    """Every file's summaries, indexed by function, over the project's class graph."""

    def __init__(self, graph: ClassGraph, summaries: Mapping[str, Sequence[Summary]]) -> None:
        self.graph = graph
        self.functions: Dict[str, Tuple[str, Summary]] = {}
        self.scopes: List[Tuple[str, Summary]] = []
        self.breaks: Dict[str, Set[str]] = {}  # class -> attributes some method of it drops
        self.released_elsewhere: Set[str] = set()  # attributes a release method drops on another object
        # attribute -> the classes whose methods drop it on another object (`self.connection.cursors.remove(self)`)
        self.released_by: Dict[str, Set[str]] = {}
        # (class, attribute) dropped by taking one entry out (`self._children.remove(child)`), and
        # dropped at teardown or in a `finally:`
        self._removals: Set[Tuple[str, str]] = set()
        self._teardowns: Set[Tuple[str, str]] = set()
        self._dropped_by_class: Set[Tuple[str, str]] = set()  # (class, attribute) any method of it drops
        self.dropped_anywhere: Set[str] = set()  # attributes some method (not `__init__`) drops, on any object
        self._cycles: Optional[List[ObjectCycle]] = None
        if isinstance(summaries, SummaryStore):
            # Read from the store as needed (leaklint.facts.on_demand), not all held at once.
            self.scopes = summaries.scopes()  # type: ignore[assignment]
            self.functions = summaries.functions()  # type: ignore[assignment]
        else:
            for path, items in summaries.items():
                for summary in items:
                    self.scopes.append((path, summary))
                    self.functions.setdefault(summary["name"], (path, summary))
        # "pkg.mod.bus" -> classes of a module-level object (`bus = EventBus()`): `bus.m()` calls EventBus.m
        self.global_types: Dict[str, List[str]] = {}
        for _path, summary in self.scopes:
            if summary["kind"] == "module":
                for name, kinds in summary["types"].items():
                    self.global_types[f"{summary['name']}.{name}"] = list(kinds)
        teardown = self._teardown_helpers()
        for _path, summary in self.scopes:
            releases = _releases(summary["name"].rsplit(".", 1)[-1]) or summary["name"] in teardown
            for holder, attr, _line, how in summary["breaks"]:
                if attr is not None and summary["cls"] and holder == summary["self"] and summary["kind"] != "init":
                    self._dropped_by_class.add((summary["cls"], attr))  # (`__init__` declares it)
                if attr is not None and summary["kind"] != "init":
                    self.dropped_anywhere.add(attr)
                # A link counts as broken by the code when a close-like method drops it, when
                # any method drops it in a `finally:` (run_asgi's `finally: self.on_response =
                # lambda: None` ends every request), or when entries are taken out of the
                # container one by one (`self.pending.pop(key)`): a table of work in progress.
                if attr is None or not (releases or how in ("finally", "remove")):
                    continue
                by_removal = how in ("remove", "entry")  # one entry out (`self._children.remove(child)`)
                if summary["cls"] and holder == summary["self"]:
                    self.breaks.setdefault(summary["cls"], set()).add(attr)
                    (self._removals if by_removal else self._teardowns).add((summary["cls"], attr))
                    continue
                owners = [self.graph.resolve(t) or t for t in summary["types"].get(holder, ())]
                if owners:
                    for owner in owners:
                        self.breaks.setdefault(owner, set()).add(attr)
                        (self._removals if by_removal else self._teardowns).add((owner, attr))
                elif (summary["self"] and holder.startswith(summary["self"] + ".")) or how == "finally":
                    # `del self.master.children[name]` in a child's destroy(), or
                    # `server.all_connections.discard(conn)` in a handler's `finally:`: the
                    # link from another object, whose class is not known here.
                    self.released_elsewhere.add(attr)
                    if summary["cls"]:
                        self.released_by.setdefault(attr, set()).add(summary["cls"])
        # (path, line) of a store into `self.attr` that the same function drops again later
        # (`finally: self.x = None`, `self.pending.pop(key)`).
        self.dropped_later: Set[Tuple[str, int]] = set()
        # class -> (frequency of the scope, path, line) for every `Class(...)` the project makes
        self.allocations: Dict[str, List[Tuple[str, str, int]]] = {}
        self.heavy: Dict[str, str] = {}  # class -> a heavy thing its methods make (a socket, a file)
        self.rooted: Dict[str, str] = {}  # class -> a module-level container its instances are put in
        for path, summary in self.scopes:
            self._index_scope(path, summary)
        # function -> parameter -> classes its callers pass (types from flows, one round)
        self.param_types: Dict[str, Dict[str, Set[str]]] = {}
        for _path, summary in self.scopes:
            self._pass_types(summary)
        self._frequency_memo: Dict[str, Optional[str]] = {}
        self._param_memo: Dict[str, List[Tuple[str, str, Hop]]] = {}
        self._return_memo: Dict[str, List[Tuple[str, Hop]]] = {}
        self._active: Set[str] = set()

    def _teardown_helpers(self) -> Set[str]:
        """Methods a close-like method calls (two calls deep), which are close-like by what they
        do: amqp's `close()` calls `self.collect()`, which sets the links to None; a cursor's
        `__exit__` calls `self.btree.deregister_cursor(self)`, which discards it. What they drop
        is dropped at teardown."""
        found: Set[str] = set()
        frontier = [s for _p, s in self.scopes if _releases(s["name"].rsplit(".", 1)[-1])]
        for _depth in range(2):
            following = []
            for summary in frontier:
                keys = [self._method(summary["cls"], name) for name in summary.get("self_calls", ())]
                keys += [self._callee(summary, c[1])[0] for c in summary["calls"] if c[1][0] == "method"]
                for key in keys:
                    if key is not None and key not in found and key != summary["name"]:
                        found.add(key)
                        following.append(self.functions[key][1])
            frontier = following
        return found

    def _index_scope(self, path: str, summary: Summary) -> None:
        for holder, attr, line, _how in summary["breaks"]:
            for hold in summary["holds"]:
                if hold[0] == holder and hold[1] == attr and hold[4] < line:
                    self.dropped_later.add((path, hold[4]))
        kind = summary["kind"]
        for value, root in summary.get("roots", ()):
            if "." in value:
                # `_ACTIVE.add(self._proc)`: the classes that attribute holds are rooted
                owner = self.graph.resolve(summary["cls"]) if summary["cls"] else None
                attr = value.split(".", 1)[1]
                for edge in self.graph.adjacency.get(owner, ()) if owner else ():
                    if edge.attr == attr and not edge.weak:
                        self.rooted.setdefault(edge.target, root)
                continue
            made = [c[1][1] for c in summary["calls"] if c[0] == value and c[1][0] == "new"]
            for cls in summary["types"].get(value, made):
                resolved = self.graph.resolve(cls)
                if resolved is not None:
                    self.rooted.setdefault(resolved, root)
        if summary["cls"] and kind in ("init", "method", "cached"):
            # `self._sock = sock` with `sock: socket.socket`: a heavy object handed in and kept
            for holder, _attr, value, *_rest in summary["holds"]:
                if holder == summary["self"]:
                    heavy = next((t for t in summary["types"].get(value, ()) if t in _FREED_WITH_HOLDER), None)
                    if heavy is not None:
                        self.heavy.setdefault(summary["cls"], heavy)
        for name, loop, *kept in summary["allocations"]:
            # (a heavy thing a method makes and drops, `t = Thread(...); t.start()`, is not held)
            if name in _FREED_WITH_HOLDER and summary["cls"] and kind in ("init", "method", "cached") and (not kept or kept[0]):
                self.heavy.setdefault(summary["cls"], name)
            cls = self.graph.resolve(name)
            if cls is None:
                continue
            if loop:
                frequency = ITERATION
            elif kind == "module":
                frequency = IMPORT
            elif kind in ("init", "cached") and summary["cls"]:
                frequency = "of:" + summary["cls"]  # as often as the class whose __init__ makes it
            else:
                frequency = CALL
            self.allocations.setdefault(cls, []).append((frequency, path, summary["line"]))

    def _pass_types(self, summary: Summary) -> None:
        """Give each callee parameter the classes this function's call sites pass to it."""
        local_types: Dict[str, List[str]] = {}
        for result, callee, *_rest in summary["calls"]:
            if result is not None and callee[0] == "new":
                local_types.setdefault(result, []).append(callee[1])
        for result, callee, args, *_rest in summary["calls"]:
            if not args:
                continue
            key, first = self._callee(summary, callee)
            if key is None:
                continue
            actual = self._bind(self.functions[key][1], callee[0], first, args)
            for param, (value, via) in actual.items():
                if via != "ref" or value == first:
                    continue
                types = self.types_of(summary, value) or local_types.get(value, [])
                if types:
                    self.param_types.setdefault(key, {}).setdefault(param, set()).update(types)

    # -- lifetimes --------------------------------------------------------------------------

    def frequency(self, cls: Optional[str]) -> Optional[str]:
        """How often the project makes instances of ``cls``: IMPORT (only at import, directly or
        inside objects made at import), INSTANCE, CALL, ITERATION, or None when it never does (a
        library class its users instantiate)."""
        resolved = self.graph.resolve(cls) if cls else None
        if resolved is None:
            return None
        if resolved in self._frequency_memo:
            return self._frequency_memo[resolved]
        self._frequency_memo[resolved] = CALL  # a class that makes itself: not once
        sites = self.allocations.get(resolved, [])
        found: Optional[str] = None
        for frequency, _path, _line in sites:
            if frequency.startswith("of:"):
                owner = self.frequency(frequency[3:])
                frequency = IMPORT if owner == IMPORT else ITERATION if owner == ITERATION else INSTANCE
            if found is None or _RANK[frequency] > _RANK[found]:
                found = frequency
        self._frequency_memo[resolved] = found
        return found

    def heavy_thing(self, cls: Optional[str]) -> Optional[str]:
        """What heavy object (``threading.Thread``, ``socket.socket``...) instances of ``cls`` make."""
        resolved = self.graph.resolve(cls) if cls else None
        for owner in self.graph.mro(resolved) if resolved else ():
            if owner in self.heavy:
                return self.heavy[owner]
        return None

    def has_release_method(self, cls: Optional[str]) -> bool:
        """``cls`` or a base defines a close-like method (``close``, ``stop``, ``shutdown``...)."""
        resolved = self.graph.resolve(cls) if cls else None
        for owner in self.graph.mro(resolved) if resolved else ():
            info = self.graph.classes.get(owner)
            if info is not None and any(_closes(m) for m in info.methods):
                return True
        return False

    def broken_by_release(self, cls: Optional[str], attr: str, members: Sequence[str] = ()) -> Optional[str]:
        """The class (``cls`` or a base) one of whose close-like methods drops ``attr``.

        ``members``: the classes of the cycle. Where they are all one class or its relatives (a
        tree: `node._children` holds nodes whose `_parent` is the node), taking one child out
        (`remove(child)`, `self._children.pop(index)`) is an edit of the tree, not its teardown:
        a subtree dropped whole, or the root, keeps its cycles."""
        resolved = self.graph.resolve(cls) if cls else None
        for owner in self.graph.mro(resolved) if resolved else ():
            if attr in self.breaks.get(owner, ()):
                if self._tree_edit(owner, attr, members):
                    continue
                return owner
        if attr in self.released_elsewhere and resolved is not None:
            return resolved
        # A subclass that drops a link its base stores (`AbstractChannel.__init__` stores
        # `self.connection`, `Channel.collect()` drops it): the instances the project makes are
        # the subclass's.
        for owner, attrs in self.breaks.items():
            if attr in attrs and resolved is not None and owner != resolved and resolved in self.graph.mro(owner):
                return owner
        return None

    def _dropped_by_own_class(self, cls: Optional[str], hop: Hop) -> bool:
        """A method of ``cls`` (or a base) drops the attribute that keeps its own bound method:
        `self._pending_calls = None` once the calls have run, `self._cleanups.pop()`."""
        attr = hop.innermost().attr
        resolved = self.graph.resolve(cls) if cls else None
        return attr is not None and resolved is not None and any(
            (owner, attr) in self._dropped_by_class for owner in self.graph.mro(resolved))

    def _tree_edit(self, owner: str, attr: str, members: Sequence[str]) -> bool:
        if (owner, attr) not in self._removals or (owner, attr) in self._teardowns or not members:
            return False
        family = set(self.graph.mro(owner))
        resolved = [self.graph.resolve(m) or m for m in members]
        return all(m in family or owner in self.graph.mro(m) for m in resolved)

    # -- call resolution --------------------------------------------------------------------

    def _method(self, cls: Optional[str], name: str, skip_first: bool = False) -> Optional[str]:
        """The summary key of ``cls.name`` through the bases (None: not summarised or unknown)."""
        resolved = self.graph.resolve(cls) if cls else None
        if resolved is None:
            return None
        order = self.graph.mro(resolved)
        for owner in order[1:] if skip_first else order:
            key = f"{owner}.{name}"
            if key in self.functions:
                return key
            info = self.graph.classes.get(owner)
            if info is not None and name in info.methods:
                return None  # defined there, with nothing to say
        return None

    def is_method(self, cls: Optional[str], name: str) -> bool:
        resolved = self.graph.resolve(cls) if cls else None
        if resolved is None:
            return False
        for owner in self.graph.mro(resolved):
            info = self.graph.classes.get(owner)
            if info is not None and name in info.methods:
                return True
        return False

    def types_of(self, summary: Summary, name: str) -> List[str]:
        if name == summary["self"] and summary["cls"]:
            return [summary["cls"]]
        declared = summary["types"].get(name)
        if declared:
            return list(declared)
        passed = self.param_types.get(summary["name"], {}).get(name) if hasattr(self, "param_types") else None
        if passed:
            return sorted(passed)
        if name.startswith("#"):
            # An object a call made without naming it (`self.x = Scalar()` gives `#1`), or that a
            # factory method returns (`self.link = self.make_link()`, `-> HookedDeviceLink`).
            found = []
            for call in summary["calls"]:
                if call[0] != name:
                    continue
                if call[1][0] == "new":
                    found.append(call[1][1])
                elif call[1][0] == "method":
                    found.extend(self._returned_classes(summary, call[1]))
            return found
        return []

    def _returned_classes(self, summary: Summary, callee: Sequence[Any]) -> List[str]:
        """The classes a method called on ``self`` returns, by its return annotation."""
        if callee[1] != summary["self"] or not summary["cls"]:
            return []
        key = self._method(summary["cls"], callee[2])
        return list(self.functions[key][1]["types"].get(RETURN, ())) if key is not None else []

    def _callee(self, summary: Summary, callee: Sequence[Any]) -> Tuple[Optional[str], Optional[str]]:
        """(summary key, the name in the caller bound to the callee's first parameter)."""
        kind = callee[0]
        if kind == "new":
            cls = self.graph.resolve(callee[1])
            return (self._method(cls, "__init__"), None) if cls else (None, None)
        if kind == "method":
            receiver, name = callee[1], callee[2]
            for cls in self.types_of(summary, receiver):
                key = self._method(cls, name)
                if key is not None:
                    return key, receiver
            return None, None
        if kind == "super":
            return self._method(summary["cls"], callee[1], skip_first=True), summary["self"]
        if kind == "func":
            name = callee[1]
            for _ in range(4):
                if name in self.functions:
                    return name, None
                if name.endswith("()") and name[:-2] in self.functions:
                    # `factory(...)(value)`: the nested function the factory returns
                    made = next((r[len(NESTED):] for r in self.functions[name[:-2]][1]["returns"]
                                 if r.startswith(NESTED) and r[len(NESTED):] in self.functions), None)
                    return (made, None) if made is not None else (None, None)
                head, _, tail = name.rpartition(".")
                getter = self.functions.get(head[:-2]) if head.endswith("()") else None
                if getter is not None and LONG_LIVED in getter[1]["returns"]:
                    for cls in getter[1]["types"].get(RETURN, ()):
                        key = self._method(cls, tail)  # `Store.get_store().register(...)`
                        if key is not None:
                            return key, GLOBAL
                for cls in self.global_types.get(head, ()):
                    key = self._method(cls, tail)  # `bus.register(...)` on a module-level EventBus
                    if key is not None:
                        return key, GLOBAL
                target = self.graph.aliases.get(name)
                if target is None:
                    head, _, tail = name.rpartition(".")
                    target = f"{self.graph.aliases[head]}.{tail}" if head in self.graph.aliases else None
                if target is None:
                    break
                name = target
        return None, None

    # -- one function's holds ---------------------------------------------------------------

    def holds(self, path: str, summary: Summary, depth: int = 0) -> List[Hop]:
        """Every hold among the function's values: its own stores and those its calls make."""
        found: List[Hop] = []
        cls = summary["cls"]
        for holder, attr, value, via, line, column, text, branches, loop in summary["holds"]:
            if via.startswith("bound:") and not self.is_method(cls if value == summary["self"] else None, via[6:]):
                continue  # `self.data`, not a bound method: it holds whatever the attribute holds
            if attr is not None and any(self._weak_attr(t, attr) for t in self.types_of(summary, holder)):
                continue
            found.append(Hop(holder, value, attr, via, path, line, column, text, _branches(branches), loop))
        if depth >= MAX_DEPTH:
            return found
        for result, callee, args, line, column, text, branches, loop in summary["calls"]:
            key, first = self._callee(summary, callee)
            if key is None:
                continue
            callee_summary = self.functions[key][1]
            actual = self._bind(callee_summary, callee[0], first, args)
            if callee[0] == "new" and result is not None:
                actual[callee_summary["params"][0] if callee_summary["params"] else "self"] = (result, "ref")
            here = Hop("", "", None, "ref", path, line, column, text, _branches(branches), loop)
            for holder_param, value_param, inner in self.param_holds(key, depth + 1):
                holder = actual.get(holder_param)
                value = actual.get(value_param)
                if holder is None or value is None or holder[1] != "ref":
                    continue
                via = value[1] if value[1] != "ref" else inner.via
                if via.startswith("bound:") and not self.is_method(
                        cls if value[0] == summary["self"] else None, via[6:]):
                    continue
                found.append(Hop(holder[0], value[0], inner.attr, via, path, line, column, text,
                                 here.branches, loop, (inner,), key))
            if result is not None and callee[0] != "new":
                for value_param, inner in self.return_holds(key, depth + 1):
                    value = actual.get(value_param)
                    if value is not None and value[1].startswith("bound:") and not self.is_method(
                            cls if value[0] == summary["self"] else None, value[1][6:]):
                        continue  # `f(self._name)`: an attribute's value, not a bound method
                    if value is not None:
                        found.append(Hop(result, value[0], inner.attr, value[1], path, line, column, text,
                                         here.branches, loop, (inner,), key))
        return found

    def _bind(self, callee: Summary, kind: str, first: Optional[str], args: Sequence[Sequence[Any]]) -> Dict[str, Tuple[str, str]]:
        """Callee parameter -> (caller's value, via) for one call."""
        params: List[str] = callee["params"]
        offset = 1 if kind in ("new", "method", "super") and callee["self"] else 0
        if callee["kind"] == "classmethod" or (first == GLOBAL and callee["self"]):
            # `Registry.subscribe(cb)`: the first parameter is the class; `bus.register(cb)` on a
            # module-level object: the object, which no local of the caller names
            offset, first = 1, None
        actual: Dict[str, Tuple[str, str]] = {}
        if first is not None and params and offset:
            actual[params[0]] = (first, "ref")
        names = set(params) | set(callee["kwonly"])
        star = next((k[2:] for k in callee["kwonly"] if k.startswith("**")), None)
        for key, value, via in args:
            if isinstance(key, int):
                index = key + offset
                if index < len(params):
                    actual[params[index]] = (value, via)
            elif key in names:
                actual[key] = (value, via)
            elif star is not None and star not in actual:
                actual[star] = (value, via)  # `bind(mouse_pos=self.update)` into `**handlers`
        return actual

    def _weak_attr(self, cls: str, attr: str) -> bool:
        resolved = self.graph.resolve(cls)
        return resolved is not None and self.graph._is_weak_attr(resolved, attr, False)

    # -- summaries in terms of parameters -----------------------------------------------------

    def param_holds(self, key: str, depth: int) -> List[Tuple[str, str, Hop]]:
        """(holder parameter, held parameter, the hop that explains it) for function ``key``."""
        memo = self._param_memo.get(key)
        if memo is not None:
            return memo
        if key in self._active or depth > MAX_DEPTH:
            return []
        self._active.add(key)
        try:
            path, summary = self.functions[key]
            params = set(summary["params"]) | {k.lstrip("*") for k in summary["kwonly"]}
            adjacency = _adjacency(self.holds(path, summary, depth))
            found: List[Tuple[str, str, Hop]] = []
            for param in params:
                for target, hop in _reach(adjacency, param, params):
                    found.append((param, target, hop))
            returned: List[Tuple[str, Hop]] = []
            for name in summary["returns"]:
                for target, hop in _reach(adjacency, name, params):
                    returned.append((target, hop))
        finally:
            self._active.discard(key)
        self._param_memo[key] = found
        self._return_memo[key] = returned
        return found

    def return_holds(self, key: str, depth: int) -> List[Tuple[str, Hop]]:
        self.param_holds(key, depth)
        return self._return_memo.get(key, [])

    # -- pins: an instance kept by a registry that outlives it ----------------------------------

    def pins(self) -> List[Pin]:
        """Registrations of an instance (``bus.register(Event, self.on_event)``,
        ``Broadcaster.subscribe(self.on_event)``, ``callback_mgr.add(lambda: self.refresh())``) into
        a container of a module-level object, a class, or an object the instance was given, that
        no method of the instance's class takes back."""
        found: List[Pin] = []
        undoing = self._undoing_classes()
        for path, summary in self.scopes:
            cls, me = summary["cls"], summary["self"]
            if not cls or not me or summary["kind"] not in ("init", "method") or not summary["calls"]:
                continue
            if me in _CLASS_PARAMS or summary["name"].rsplit(".", 1)[-1] in _IMPLICIT_CLASS_METHODS:
                continue  # `__init_subclass__(cls)` registers a class, which lives on anyway
            resolved_cls = self.graph.resolve(cls) or cls
            if any(owner in undoing for owner in self.graph.mro(resolved_cls)):
                continue
            for result, callee, args, line, column, text, _branches_, loop in summary["calls"]:
                if result is not None or callee[0] not in ("method", "func"):
                    continue  # a kept result may be the handle that undoes the registration
                mine = [(k, via) for k, value, via in args if value == me and (
                    via in ("ref", "closure") or (via.startswith("bound:") and self.is_method(cls, via[6:])))]
                if not mine:
                    continue
                pin = self._registration(path, summary, callee, args, mine, line, column, text, loop)
                if pin is not None and not self._takes_back(resolved_cls, pin):
                    found.append(pin)
        return found

    def _takes_back(self, cls: str, pin: Pin) -> bool:
        """A method of ``cls`` (or a base) calls a function of the registry that takes entries out
        of the container the registration fills (`registry.forget_exit(self.save)`)."""
        store = pin.store.innermost()
        registry = self.functions[pin.registry][1]
        module_level = registry["kind"] == "function"
        owner = self.graph.resolve(registry["cls"]) if registry["cls"] else None
        mro = set(self.graph.mro(cls))
        for _path, summary in self.scopes:
            if not summary["cls"] or (self.graph.resolve(summary["cls"]) or summary["cls"]) not in mro:
                continue
            for _result, callee, *_rest in summary["calls"]:
                key = self._callee(summary, callee)[0]
                if key is None or key == pin.registry:
                    continue
                target = self.functions[key][1]
                for holder, attr, _line, _how in target["breaks"]:
                    if module_level and holder == store.holder and attr is None:
                        return True  # `_on_exit.remove(callback)` in the registry's module
                    if not module_level and attr == store.attr and owner is not None and target["cls"] \
                            and owner in self.graph.mro(self.graph.resolve(target["cls"]) or target["cls"]):
                        return True
        return False

    def _undoing_classes(self) -> Set[str]:
        """Classes one of whose methods calls something that takes a registration back."""
        found: Set[str] = set()
        for _path, summary in self.scopes:
            if not summary["cls"]:
                continue
            for _result, callee, *_rest in summary["calls"]:
                name = callee[2] if callee[0] == "method" else callee[1].rsplit(".", 1)[-1]
                if _UNDO.match(name):
                    found.add(self.graph.resolve(summary["cls"]) or summary["cls"])
                    break
        return found

    def _receiver(self, summary: Summary, callee: Sequence[Any]) -> Optional[Tuple[str, str, str]]:
        """(registry summary key, lifetime, the holder as written) for a call on a long-lived object."""
        if callee[0] == "func":
            key, first = self._callee(summary, callee)
            if key is None:
                return None
            target = self.functions[key][1]
            owner, _, _method = callee[1].rpartition(".")
            if first == GLOBAL:
                if _method == "connect":
                    return None  # a module-level signal object's `connect`: LKL108's, with its models
                return key, PROCESS, owner.rsplit(".", 1)[-1]
            if target["kind"] == "classmethod":
                return key, PROCESS, owner.rsplit(".", 1)[-1]
            if target["kind"] == "function" and target["roots"] and self.functions[key][0] != self._path_of(summary):
                # `events.on_change(self.refresh)` into a module-level list of another module (the
                # same module's are LKL108's)
                return key, PROCESS, callee[1].rsplit(".", 1)[-1]
            return None
        receiver, name = callee[1], callee[2]
        me = summary["self"]
        if receiver == me:
            return None  # `self.define(..., callback=self.m)`: the object keeps its own method, a cycle
        if receiver.startswith(me + "."):
            attr = receiver[len(me) + 1:]
            edges = [e for e in self.graph.adjacency.get(self.graph.resolve(summary["cls"]) or "", ())
                     if e.attr == attr and not e.weak]
            if not edges or any(e.kind == "owned" for e in edges):
                return None  # made by the instance itself: a cycle, LKL104's
            for edge in edges:
                key = self._method(edge.target, name)
                if key is not None:
                    return key, EXTERNAL, receiver
            return None
        if receiver not in summary["params"] and receiver not in summary["kwonly"]:
            return None  # a local: made here, or taken from somewhere this pass does not follow
        for cls in self.types_of(summary, receiver):
            key = self._method(cls, name)
            if key is not None:
                return key, EXTERNAL, receiver
        return None

    def _registration(self, path: str, summary: Summary, callee: Sequence[Any], args: Sequence[Sequence[Any]],
                      mine: Sequence[Tuple[Any, str]], line: int, column: int, text: str, loop: bool) -> Optional[Pin]:
        found = self._receiver(summary, callee)
        if found is None:
            return None
        key, lifetime, holder = found
        target = self.functions[key][1]
        if not target["params"]:
            return None
        if target["kind"] == "function":
            return self._rooted(path, summary, key, args, line, column, text, loop)
        actual = self._bind(target, "method" if callee[0] == "method" else "func",
                            GLOBAL if lifetime == PROCESS and target["kind"] != "classmethod" else None, args)
        me = summary["self"]
        receiver_param = target["params"][0]
        for holder_param, value_param, hop in self.param_holds(key, 1):
            bound = actual.get(value_param)
            if holder_param != receiver_param or bound is None or bound[0] != me:
                continue
            store = hop.innermost()
            if store.via != "container" and hop.via != "container":
                continue  # one slot keeps only the latest: not a growing registry
            via = bound[1]
            registry_cls = self.graph.resolve(target["cls"]) if target["cls"] else None
            return Pin(path, line, column, text, self.graph.resolve(summary["cls"]) or summary["cls"],
                       summary["name"], via, lifetime, holder, key, hop,
                       self._removable(registry_cls, hop.attr), loop)
        return None

    def _path_of(self, summary: Summary) -> str:
        found = self.functions.get(summary["name"])
        return found[0] if found is not None else ""

    def _rooted(self, path: str, summary: Summary, key: str, args: Sequence[Sequence[Any]], line: int, column: int,
                text: str, loop: bool) -> Optional[Pin]:
        """A module function that puts its parameter into a module-level container."""
        callee_path, target = self.functions[key]
        actual = self._bind(target, "func", None, args)
        me = summary["self"]
        module = key.split(".<locals>.", 1)[0] if ".<locals>." in key else key.rsplit(".", 1)[0]
        for value, root in target["roots"]:
            bound = actual.get(value)
            if bound is None or bound[0] != me:
                continue
            store = Hop(root, value, None, "container", callee_path, target["line"], 1,
                        f"{root} in {key.rsplit('.', 1)[-1].split('@')[0]}()")
            removable = any(
                any(holder == root and attr is None for holder, attr, _l, _h in other["breaks"])
                for _p, other in self.scopes if other["name"].rsplit(".", 1)[0] == module)
            return Pin(path, line, column, text, self.graph.resolve(summary["cls"]) or summary["cls"],
                       summary["name"], bound[1], PROCESS, f"{module.rsplit('.', 1)[-1]}.{root}", key, store,
                       removable, loop)
        return None

    def _removable(self, cls: Optional[str], attr: Optional[str]) -> bool:
        """The registry class takes entries out of ``attr`` somewhere, or has an undo-named method."""
        if cls is None:
            return True
        for owner in self.graph.mro(cls):
            if attr is not None and attr in self.breaks.get(owner, ()):
                return True
            info = self.graph.classes.get(owner)
            if info is not None and any(_UNDO.match(m) for m in info.methods):
                return True
        for _path, summary in self.scopes:
            if summary["kind"] == "init":
                continue  # `self._listeners = {}` there starts the registry, it takes nothing out
            if summary["cls"] and (self.graph.resolve(summary["cls"]) or summary["cls"]) in self.graph.mro(cls):
                if any(holder == summary["self"] and a == attr for holder, a, _line, _how in summary["breaks"]):
                    return True
                if _UNDO.match(summary["name"].rsplit(".", 1)[-1]):
                    return True  # a classmethod or staticmethod (`drop_all`), which info.methods leaves out
        return False

    # -- cycles -----------------------------------------------------------------------------

    def cycles(self) -> Iterable[ObjectCycle]:
        """Cycles among each function's objects that go through at least one call.

        Found once per graph: LKL101 and LKL102 both read them (the holds behind them are
        memoised per callee, so a second search would give the same cycles again)."""
        if self._cycles is None:
            self._cycles = list(self._find_cycles())
        return self._cycles

    def _find_cycles(self) -> Iterable[ObjectCycle]:
        for path, summary in self.scopes:
            if not summary["calls"]:
                continue
            hops = self.holds(path, summary)
            if not any(_through_call(h) for h in hops):
                continue
            adjacency = _adjacency(hops)
            direct = _adjacency(h for h in hops if not _through_call(h))
            closed_directly = {frozenset(h.holder for h in c) for c in _cycles(direct)}
            seen: Set[Tuple[str, ...]] = set()
            for cycle in _cycles(adjacency):
                if not any(_through_call(h) for h in cycle) or _exclusive(cycle):
                    continue
                if frozenset(h.holder for h in cycle) in closed_directly:
                    continue  # the same objects tie themselves by plain stores: a local pair
                one_statement = all(h.derived for h in cycle) and len({(h.path, h.line) for h in cycle}) == 1
                handed_back = len(cycle) == 1 and cycle[0].via.startswith("bound:")  # `self.m(cb=self.f)`
                if handed_back and self._dropped_by_own_class(summary["cls"], cycle[0]):
                    continue  # the class empties or re-points that slot itself (as LKL104 reads it)
                if one_statement and len({h.callee for h in cycle}) == 1 and not handed_back:
                    # closed inside one callee: reported where that callee closes it (two calls in
                    # one statement, `self.add_child(Node(parent=self))`, close it here)
                    continue
                key = tuple(sorted(h.holder for h in cycle))
                if key in seen:
                    continue
                seen.add(key)
                described = self._describe(summary, cycle)
                if one_statement and described.broken is not None:
                    # `self._append(msg, response=Response(self))` with the response popped when it
                    # arrives: a table of work in progress, one call site per message kind
                    continue
                yield described

    def _describe(self, summary: Summary, cycle: Sequence[Hop]) -> ObjectCycle:
        classes: List[str] = []
        local_types: Dict[str, List[str]] = {}
        for result, callee, *_ in summary["calls"]:
            if result is not None and callee[0] == "new":
                local_types.setdefault(result, []).append(callee[1])
        links: List[Tuple[str, str]] = []
        for hop in cycle:
            types = self.types_of(summary, hop.holder) or local_types.get(hop.holder, [])
            classes.extend(self.graph.resolve(t) or t for t in types)
            attr = hop.innermost().attr
            links.extend((self.graph.resolve(t) or t, attr) for t in types if attr)
        broken: Optional[Tuple[str, str]] = None
        # A link dropped later in the same function (`finally: self.x = None`, `d.pop(k)`).
        last = max(h.line for h in cycle)
        local_breaks = {(h, a) for h, a, line, _how in summary["breaks"] if line > last}
        for hop in cycle:
            if (hop.holder, hop.attr) in local_breaks:
                broken = (hop.holder, hop.attr or "")
            types = self.types_of(summary, hop.holder) or local_types.get(hop.holder, [])
            attrs = {i.attr for i in (hop, *_chain(hop)) if i.attr}
            for cls in types:
                for attr in sorted(attrs):
                    # (one object holding itself is no tree: a child taken out is not it)
                    owner = self.broken_by_release(cls, attr, classes if len(cycle) > 1 else ())
                    if owner is not None:
                        broken = (owner, attr)
        shown: Dict[str, str] = {}
        for result, callee, *_rest in summary["calls"]:
            if result is None or not result.startswith("#") or result in shown:
                continue
            if callee[0] in ("new", "func"):
                shown[result] = f"{callee[1].rsplit('.', 1)[-1]}(...)"
            elif callee[0] == "method":
                shown[result] = f"{callee[1]}.{callee[2]}(...)"
            else:
                shown[result] = f"super().{callee[1]}(...)"
        names = tuple(shown.items())
        return ObjectCycle(
            summary["name"], summary["kind"], summary["cls"], tuple(cycle), any(h.loop for h in cycle), broken,
            tuple(dict.fromkeys(classes)), names,
            self.frequency(summary["cls"]) if summary["kind"] in ("init", "cached") else None,
            tuple(links),
            next((root for value, root in summary.get("roots", ()) if any(
                value in (h.holder, h.value) for h in cycle)), None),
        )


@dataclass(frozen=True)
class Pin:
    """A method hands its own instance (itself, a bound method, a closure over it) to a registry
    method of the project that keeps it in a container, held by something that outlives the instance."""

    path: str
    line: int
    column: int
    text: str
    cls: str  # the class whose instances are kept
    function: str  # the method that registers them
    via: str  # ref, bound:<method>, closure
    lifetime: str  # PROCESS (a module-level object, a class) or EXTERNAL (an object the instance is given)
    holder: str  # the holder as the registering code names it: `callback_mgr`, `Broadcaster`, `self.bus`
    registry: str  # summary key of the registry method
    store: Hop  # the store inside the registry method
    removable: bool  # the registry's class has a way to take entries out
    loop: bool


PROCESS, EXTERNAL = "process", "external"
_CLASS_PARAMS = frozenset({"cls", "mcs", "mcls", "metacls", "klass"})
_IMPLICIT_CLASS_METHODS = frozenset({"__init_subclass__", "__class_getitem__", "__new__", "__set_name__"})
# Calls that take a registration back: `unregister`, `unsubscribe`, `remove_listener`, `disconnect`, `off`.
_UNDO = re.compile(r"^_*(un|de(?:register|tach|l)|remove|disconnect|discard|detach|drop|off$|delete|clear|cancel|"
                   r"stop_(?:listen|watch|observ))", re.IGNORECASE)


# Methods that release what an object holds (its thread, socket, process), called by its users.
_CLOSE_WORDS = (
    "close", "aclose", "shutdown", "stop", "terminate", "disconnect", "dispose", "destroy", "release", "cleanup",
    "exit", "aexit", "teardown", "kill",
)


# Pure functions of a method name, asked for every function of the project on each run:
# remembered (one entry per distinct method name), since each tries a few dozen words.
@lru_cache(maxsize=None)
def _closes(method: str) -> bool:
    name = method.strip("_").lower()
    return any(name == word or name.startswith(word + "_") for word in _CLOSE_WORDS)


def _chain(hop: Hop) -> List[Hop]:
    found = []
    while hop.through:
        hop = hop.through[-1]
        found.append(hop)
    return found


def _branches(items: Iterable[Sequence[Any]]) -> Tuple[Tuple[int, bool], ...]:
    return tuple((int(key), bool(value)) for key, value in items)


def _adjacency(hops: Iterable[Hop]) -> Dict[str, List[Hop]]:
    adjacency: Dict[str, List[Hop]] = {}
    for hop in hops:
        # (an object holding itself is LKL103's, except a bound method of it a call keeps:
        # `self.add_url_rule(view_func=self.send_static_file)`)
        if hop.holder != hop.value or (hop.derived and hop.via.startswith("bound:")):
            adjacency.setdefault(hop.holder, []).append(hop)
    return adjacency


def _reach(adjacency: Mapping[str, List[Hop]], start: str, stops: Set[str]) -> List[Tuple[str, Hop]]:
    """Parameters ``start`` holds, directly or through values the function made; each with the
    first hop of the way (the store that makes ``start`` hold it)."""
    found: List[Tuple[str, Hop]] = []
    seen = {start}
    queue: List[Tuple[str, Hop]] = [(hop.value, hop) for hop in adjacency.get(start, ())]
    while queue:
        name, first = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        if name in stops:
            found.append((name, first))
            continue
        queue.extend((hop.value, first) for hop in adjacency.get(name, ()))
    return found


def _cycles(adjacency: Mapping[str, List[Hop]]) -> Iterable[List[Hop]]:
    """Elementary cycles up to ``MAX_CYCLE`` hops, each found from its smallest holder once."""
    for start in sorted(adjacency):
        stack: List[Tuple[str, List[Hop]]] = [(start, [])]
        while stack:
            node, path = stack.pop()
            for hop in adjacency.get(node, ()):
                if hop.value == start:
                    yield path + [hop]
                elif hop.value > start and len(path) + 1 < MAX_CYCLE and all(h.holder != hop.value for h in path):
                    stack.append((hop.value, path + [hop]))


def _exclusive(cycle: Sequence[Hop]) -> bool:
    """Two hops in the two arms of one ``if``: never both on one run."""
    seen: Dict[int, bool] = {}
    for hop in cycle:
        for key, value in hop.branches:
            if seen.get(key, value) != value:
                return True
            seen[key] = value
    return False


def _through_call(hop: Hop) -> bool:
    """A hold a call makes, or one into an object a call returned unnamed (`self.box =
    self.make_box(); self.box.owner = self`): the class graph's local pairs see neither."""
    return hop.derived or hop.holder[:1] == "#"
