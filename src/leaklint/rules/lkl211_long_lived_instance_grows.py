"""LKL211: a long-lived object keeps an entry per request in a container of its own, for good."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.containers import (
    OBJECT,
    REMOVE_METHODS,
    SYNC_PRIMITIVES,
    UNKNOWN,
    WORKLOAD,
    container_kind,
    ending_entity_key,
    local_assignments,
)
from leaklint.analysis.growth_facts import (
    ESCAPE,
    GROW,
    assigned_value,
    SHRINK,
    classify_use,
    describe_pinned,
    first_line_text,
    growth_site_text,
    in_while_loop,
    is_test_double,
    is_test_module,
    items_evidence,
    names_long_lived,
    subscript_key,
)
from leaklint.analysis import lifetimes as lt
from leaklint.analysis.event_rate import kept_handlers, may_register, per_event_methods
from leaklint.analysis.names import dotted_name, last_name
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

# Class names of objects that serve many requests over their life.
_LONG_LIVED_TOKENS = (
    "server", "service", "manager", "daemon", "listener", "dispatcher", "scheduler", "broker", "acceptor",
    "supervisor", "monitor", "watcher", "application", "router", "hub", "registry",
)
# Methods called once per request, connection, message or event.
_PER_REQUEST_PREFIXES = (
    "process_request", "handle", "on_", "_on_", "dispatch", "submit", "serve_one", "accept", "_handle", "_process",
    "process", "receive", "_receive", "connection_made", "data_received", "datagram_received",
)
# Growth that adds an item whatever it is (a dict store may only replace the value of a known key).
_SEQUENCE_GROWTH = frozenset({"append", "appendleft", "insert", "extend", "extendleft"})
# A table of futures parked per request is LKL219's.
_FUTURE_MAKERS = frozenset({"create_future", "Future"})
# Constructors LKL207 reports (a list of threads kept until shutdown).
_WORKERS = ("Thread", "Timer", "Process")
# Clock readings: an item built from one records an event (a log line, an audit entry).
_CLOCK_CALLS = frozenset({
    "time.time", "time.time_ns", "time.monotonic", "time.perf_counter", "time.strftime", "time.localtime",
    "time.gmtime", "time.ctime", "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
    "datetime.date.today",
})
# Calls that make a value no earlier call made: a key built from one is new on every call.
_MINTING_CALLS = frozenset({
    "uuid.uuid1", "uuid.uuid4", "builtins.next", "secrets.token_hex", "secrets.token_urlsafe", "os.urandom",
})
EVENT = "event"  # a timestamped record: one per event, whatever else it holds
ENDING = "ending"  # a key that is the id of a session, stream or process: one per session, never seen again
# A module that reads no clock has no timestamped records: its classes not named long-lived are skipped.
_CLOCK_NAMES = ("time", "monotonic", "perf_counter", "strftime", "localtime", "gmtime", "ctime", "now", "utcnow", "today")
_CLOCK_TEXT = re.compile(rf"\b(?:{'|'.join(_CLOCK_NAMES)})\(")
# `str.__contains__` is many times faster than the alternation above on a whole module, and the
# regex can only match where one of these does (`localtime(`, `gmtime(`, `utcnow(` end in them).
_CLOCK_CALL_TEXT = tuple(f"{name}(" for name in ("time", "monotonic", "perf_counter", "strftime", "ctime", "now", "today"))


def _reads_clock(source: str) -> bool:
    return any(text in source for text in _CLOCK_CALL_TEXT) and _CLOCK_TEXT.search(source) is not None


@dataclass
class _Growth:
    node: cst.Attribute
    method: cst.FunctionDef
    how: str
    items: Optional[List[Optional[cst.BaseExpression]]]
    value: Optional[cst.BaseExpression]
    evidence: str


@dataclass
class _Attribute:
    kind: Optional[str] = None  # set in ``__init__`` to an unbounded container
    growths: List[_Growth] = field(default_factory=list)
    released: bool = False


class LongLivedInstanceGrows(Rule):
    """
    ## What it does
    Flags a method of a long-lived object (a server, service, manager, dispatcher...) that runs
    once per request, connection or message (`handle*`, `on_*`, `process*`, `data_received`, or the
    body of the object's own `while` loop) and adds a per-request object or key to a list, dict or
    set that `__init__` made on `self` (`self.sessions[request.session_id] = session`) when nothing
    in the module ever removes from that attribute.

    Two shapes grow whatever the method is called: a dict entry under a key the method mints on
    every call (`session_id = uuid4(); self.writers[session_id] = writer`, `next(self._ids)`) in
    such an object, and, in any class, a timestamped record appended to a list of the object's own
    (`self.error_logs.append(f"[{time.strftime(...)}] {message}")`, `{"timestamp":
    datetime.now(), ...}`): an event log that nothing trims. Such a log is in the default
    selection when the object is named long-lived or records from a `while` loop of its own
    (directly, or through the method the loop calls), and low otherwise; a clock difference
    (`time.time() - start`, a duration sample) is not a record.

    A third shape needs no long-lived name either: a dict entry filed under the id of something
    that ends many times over the object's life (`self._streams[stream_id] = ...`,
    `self.cache[proc["pid"]] = ...`, a `session: str` parameter, `id(session)`) when nothing in the
    module removes from that dict. Once the session, stream or process has ended its id never
    comes back, so the entry is neither replaced nor read again: an object that outlives one
    session (a connection's streams, a monitor's processes, a plugin's sessions) keeps one entry
    per session it has seen. Not this shape: a dict filed under the same id in the same method as
    a sibling dict that is swept (LKL218's), a table of futures (LKL219's), request ids (a history
    or a mock's record as often as a leak), and an object filed under its own id
    (`self.links[link.connection_id] = link`: a store whose API deletes entries).

    ## Why is this bad?
    The object lives as long as the process serves, and so does its container: every request,
    connection or message it has ever handled keeps one entry, with whatever the entry references
    (sockets, buffers, parsed bodies). Memory grows with traffic until the process is restarted.

    This is its own code: LKL207 reports the same shape for threads kept until shutdown, LKL209
    for a module-level instance grown through its methods by callers, LKL208 for class-level
    containers. Here the container is the instance's own and the method that grows it is the
    object's per-request entry point.

    Not flagged: containers any code in the module removes from (`pop`, `discard`, `del`, `clear`,
    a reassignment outside `__init__`, a `len()` check, handing the container to other code),
    bounded or weak containers, entries whose key or item names a thing or comes from a fixed set
    (`name`, `path`, constants), threads (LKL207), classes of test modules, and stores that can
    only replace the value of a key the container already has (`for k, v in self.d.items():
    self.d[k] = None`, or under `if k in self.d:`).

    A class named like a test class or a test double (`TestListener`, `StubBackend`) records
    for tests: low, shown only by the strict profile.

    Whatever the class is called, an object that hands one of its own bound methods to an event
    source (`bus.subscribe("orders", self.on_order)`, `emitter.add_listener(self.count)`,
    `client.on_message = self.relay`) is kept and called by that source for as long as the
    registration stands: a method the source calls (or one such a method calls) that adds the
    event it is handed, or a per-event object, to a container of the object's own, with nothing
    in the module removing from it, keeps every event the source has delivered (medium). Which
    methods run per event comes from `leaklint.analysis.event_rate`: registered handlers,
    protocol hooks an event loop calls per connection or chunk (`connection_made`,
    `data_received`), methods another method calls on every pass of a `while` loop, and what
    those call. In a class named long-lived those methods count as per-request ones too.

    Containers declared as dataclass or attrs fields (`events: list = field(default_factory=
    list)`) are the instance's own, like those `__init__` makes.

    An object this module makes only through the lazy singleton idiom (`global _client` ...
    `if _client is None: _client = Client()`) is one instance for the process whatever its
    name: every call of any of its methods (outside set-up, teardown and error paths) counts as
    a request, and a list it appends to on every call grows whatever the item is.

    An item stored by index in a list the instance made (`self.slots[socket] = 1` with
    `self.slots = [0] * n`) replaces an item, or raises: a list never grows by item assignment,
    whatever the index is called, so it is not reported.

    ## Known problems
    An object registered with a short-lived source (a dialog's button) lives only as long as that
    source; its per-event list then grows only per click of that dialog, a false alarm when the
    dialog is small. Whether an object is long-lived is otherwise read from its class name, or from a lazy module-level
    singleton that makes it (a loop alone says little: a
    handshake loops too); a per-request object named like a server (a `SessionManager` made per
    request) is a false alarm, which is why a name alone gives medium confidence unless the entry
    is per object or added in the object's own loop. A removal through another object (`server.
    sessions.pop(...)` in a handler class) counts when it names the same attribute.
    A table keyed by ending ids on an object that itself lives for one session only (a
    per-request parser keyed by `stream_id`) is a false alarm. A bare `pid` or `sid` parameter is
    not read as a process or session id (it is as often a producer's or a page's), only a field
    read off a record (`proc.pid`, `row["sid"]`).

    ## References
    - LKL207 (threads kept on a long-lived instance), LKL209 (module-level instance grown by callers).
    """

    code = "LKL211"
    name = "long-lived-instance-grows"
    message = "`{method}()` adds an entry per request to `self.{attribute}` of long-lived `{cls}`, and nothing removes it"
    examples = (
        Bad(
            "class SessionServer:\n    def __init__(self):\n        self.sessions = {}\n\n"
            "    def handle_request(self, request):\n        self.sessions[request.session_id] = request\n"
            "        return request.body\n"
        ),
        Good(
            "class SessionServer:\n    def __init__(self):\n        self.sessions = {}\n\n"
            "    def handle_request(self, request):\n        self.sessions[request.session_id] = request\n"
            "        return request.body\n\n    def end_session(self, session_id):\n"
            "        self.sessions.pop(session_id, None)\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.classes: List[cst.ClassDef] = []
        self.removed_anywhere: Set[str] = set()  # ``x.<attr>.pop(...)`` through any receiver
        self._singleton = False  # the class being checked has one instance per process
        self._named = False  # ... or is named like a long-lived object
        self._reads_clock_anywhere = False  # the module calls something named like a clock
        self._may_register = False  # the module's text could hand a bound method to an event source
        self._registered: Dict[str, str] = {}  # the class's handlers an event source keeps, with why
        self._per_event: Dict[str, str] = {}  # its methods that run once per event, with why
        self._methods: List[cst.FunctionDef] = []  # of the class being checked
        self._clock_methods: Optional[Set[str]] = None  # its methods that return a clock reading
        self._loop_called: Optional[Set[str]] = None  # its methods it calls on every pass of a `while` loop
        self._function_assignments: Dict[int, dict] = {}  # by id of the function, computed on demand
        # classes with a method that stores into a container of `self` under the id of something that ends
        self._stores_keyed: Set[int] = set()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.classes.append(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in REMOVE_METHODS and isinstance(node.value, cst.Attribute):
            self.removed_anywhere.add(node.value.attr.value)
        if node.attr.value == "setdefault" and _is_self_attribute(node.value):
            call = self.context.parent(node)
            if isinstance(call, cst.Call) and call.func is node and call.args:
                self._note_store(node, call.args[0].value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        target = node.target
        if isinstance(target, cst.Subscript) and _is_self_attribute(target.value):
            self._note_store(target, subscript_key(target))

    def _note_store(self, site: cst.CSTNode, key: Optional[cst.BaseExpression]) -> None:
        """Marks the class when `self.<attr>[key] = ...` or `self.<attr>.setdefault(key, ...)` files
        an entry under the id of something that ends."""
        function = self.context.enclosing_function(site) if key is not None else None
        klass = self.context.enclosing_class(function) if function is not None else None
        if klass is None or id(klass) in self._stores_keyed:
            return
        if ending_entity_key(self.context, key, function, _LazyAssignments(function, self._function_assignments)):
            self._stores_keyed.add(id(klass))

    def leave_Module(self, node: cst.Module) -> None:
        if is_test_module(self.context.module_name, self.context.module):
            return
        self._reads_clock_anywhere = _reads_clock(self.context.source)
        self._may_register = may_register(self.context.source)
        for klass in self.classes:
            self._check(klass)

    def _check(self, klass: cst.ClassDef) -> None:
        # One instance for the process, made lazily into a guarded module global (`if _client is
        # None: _client = Client()`): every method call is a request. (A module-level instance
        # grown by its callers is LKL209's and LKL204's.)
        self._singleton = lt.made_lazily_once(self.context, klass)
        # (a loop alone says little: a handshake or a negotiation loops too; whatever the class is
        # named, a timestamped record appended to a list of its own is one more per event)
        self._named = self._singleton or names_long_lived(klass, _LONG_LIVED_TOKENS)
        # An object that hands its own bound method to an event source (`bus.subscribe(topic,
        # self.on_order)`) is kept and called by that source for as long as the registration
        # stands: what the method adds per event piles up over the source's life, whatever the
        # class is called. Only the methods the source calls count as its per-event work.
        # (Not when the source holds it weakly, the class takes the registration back, or this
        # module makes one per call: then the object lives as long as its caller wants.)
        self._registered = {}
        if not self._named and self._may_register and not lt.made_per_call(self.context, klass):
            self._registered = kept_handlers(self.context, klass)
        self._named = self._named or bool(self._registered)
        # (whatever the class is named, a table keyed by session, stream or process ids gains a
        # key per session that ends, and is never asked for that key again)
        self._keyed_by_ending = id(klass) in self._stores_keyed
        if not self._named and not self._reads_clock_anywhere and not self._keyed_by_ending:
            return
        methods = [s for s in klass.body.body if isinstance(s, cst.FunctionDef)]  # type: ignore[union-attr]
        self._methods = methods
        self._clock_methods = None  # computed on the first candidate record (most classes have none)
        self._loop_called = None
        self._per_event = per_event_methods(self.context, klass)
        attributes: Dict[str, _Attribute] = {
            name: _Attribute(kind=kind) for name, kind in _field_containers(self.context, klass).items()
        }
        for method in methods:
            self._collect(method, attributes)
        for name, attribute in attributes.items():
            if attribute.kind is None or attribute.released or name in self.removed_anywhere:
                continue
            for growth in attribute.growths:
                if attribute.kind == "list" and growth.how == "[]=":
                    continue  # `self.slots[i] = x` on a list replaces an item (or raises): it never grows
                looped = in_while_loop(self.context, growth.node)
                if growth.evidence == EVENT:
                    self._report_events(klass, name, growth, self._event_confidence(growth, looped))
                    break
                if growth.evidence == ENDING:
                    if not self._sibling_released(name, growth, attributes):
                        self._report_ending(klass, name, growth)
                    break
                confidence = Confidence.HIGH if looped or growth.evidence == OBJECT else Confidence.MEDIUM
                if self._registered:
                    confidence = Confidence.MEDIUM  # its life is the event source's, not known to be the process's
                if is_test_double(klass.name.value, self.context.module_name):
                    confidence = Confidence.LOW  # a recorder for tests (`TestListener.message_list`)
                self._report(klass, name, attribute, growth, confidence)
                break

    def _collect(self, method: cst.FunctionDef, attributes: Dict[str, _Attribute]) -> None:
        assignments: Optional[dict] = None
        for node in walk_scope(method.body):
            if not (isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self"):
                continue
            name = node.attr.value
            use = classify_use(self.context, node)
            attribute = attributes.setdefault(name, _Attribute())
            if use.op == SHRINK and use.how == "=":
                value = assigned_value(self.context, node)
                if method.name.value == "__init__":
                    attribute.kind = container_kind(self.context, value)
                    continue
                attribute.released = True
            elif use.op in (SHRINK, ESCAPE):
                attribute.released = True
            elif use.op == GROW and not (self._named and self._per_request(method, node)):
                if method.name.value.startswith("__") or not use.items:
                    continue
                if assignments is None:
                    assignments = local_assignments(method)
                if use.how in _SEQUENCE_GROWTH and self._records_event(use.items, assignments):
                    attribute.growths.append(_Growth(node, method, use.how, list(use.items), use.value, EVENT))
                elif use.how not in ("[]=", "setdefault") or _parks_future(use.value, assignments):
                    continue  # a table of futures is LKL219's
                elif self._named and self._minted(use.items[0], assignments):
                    # `session_id = uuid4(); self.writers[session_id] = writer`: a new key on every
                    # call, whatever the method is called
                    attribute.growths.append(_Growth(node, method, use.how, list(use.items), use.value, OBJECT))
                elif (self._keyed_by_ending and ending_entity_key(self.context, use.items[0], method, assignments)
                      and not _filed_under_own_id(use.items[0], use.value)
                      and not _makes_primitive(use.value, assignments)):  # a lock per key is LKL221's
                    attribute.growths.append(_Growth(node, method, use.how, list(use.items), use.value, ENDING))
            elif use.op == GROW:
                if assignments is None:
                    assignments = local_assignments(method)
                if self._adds_worker(use.items, assignments):
                    continue  # LKL207's
                evidence = items_evidence(self.context, use.items, method, assignments=assignments)
                if evidence == UNKNOWN and self._singleton and use.how in _SEQUENCE_GROWTH:
                    evidence = WORKLOAD  # a list keeps one more item per call, whatever the item is
                if evidence == UNKNOWN and _event_payload(method, use.items, self._per_event):
                    evidence = WORKLOAD  # what the event source hands over is new on every event
                if evidence not in (OBJECT, WORKLOAD):
                    continue
                attribute.growths.append(_Growth(node, method, use.how, list(use.items or []), use.value, evidence))

    def _per_request(self, method: cst.FunctionDef, node: cst.CSTNode) -> bool:
        name = method.name.value.lower()
        if name.startswith("__") and name != "__call__":
            return False
        if self._singleton and lt.retention_site(self.context, node) in (lt.SITE_CALL, lt.SITE_LOOP):
            return True  # not a setup, teardown or error path of the one instance
        if self._registered:
            return method.name.value in self._per_event
        return (name.startswith(_PER_REQUEST_PREFIXES) or in_while_loop(self.context, node)
                or method.name.value in self._per_event)

    def _records_event(self, items: Any, assignments: dict) -> bool:
        """Every item added carries a clock reading: `{"timestamp": datetime.now(), ...}`,
        `f"[{self.now()}] {message}"` (a method of the class that returns one)."""
        return bool(items) and all(
            item is not None and any(self._reads_clock(value) for value in _values(item, assignments)) for item in items
        )

    def _reads_clock(self, expr: cst.CSTNode) -> bool:
        durations = {id(n.left) for n in walk(expr) if isinstance(n, cst.BinaryOperation)
                     and isinstance(n.operator, cst.Subtract)}
        for inner in walk(expr):
            if isinstance(inner, cst.Call) and id(inner) not in durations:  # `time.time() - start`: a sample
                if (self.context.qualified_name(inner.func) or "") in _CLOCK_CALLS:
                    return True
                func = inner.func
                if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
                    if self._clock_methods is None:
                        self._clock_methods = {m.name.value for m in self._methods if self._returns_clock(m)}
                    if func.attr.value in self._clock_methods:
                        return True
        return False

    def _returns_clock(self, method: cst.FunctionDef) -> bool:
        returns = [n.value for n in walk_scope(method.body) if isinstance(n, cst.Return) and n.value is not None]
        return bool(returns) and all(
            any((self.context.qualified_name(c.func) or "") in _CLOCK_CALLS for c in walk(r) if isinstance(c, cst.Call))
            for r in returns
        )

    def _called_in_loops(self, methods: List[cst.FunctionDef]) -> Set[str]:
        """Methods of the class that another of its methods calls on every pass of a `while` loop."""
        found: Set[str] = set()
        for method in methods:
            for node in walk_scope(method.body):
                if (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
                        and isinstance(node.func.value, cst.Name) and node.func.value.value == "self"
                        and in_while_loop(self.context, node)):
                    found.add(node.func.attr.value)
        return found

    def _minted(self, key: Optional[cst.BaseExpression], assignments: dict) -> bool:
        """``key`` is made new on this call: `uuid4()`, `next(self._ids)`, or a local bound once to one."""
        if key is None:
            return False
        return any(
            value is not None and any(
                isinstance(c, cst.Call) and (self.context.qualified_name(c.func) or "") in _MINTING_CALLS
                for c in walk(value))
            for value in _values(key, assignments)
        )

    def _event_confidence(self, growth: _Growth, looped: bool) -> Confidence:
        """Medium when the events come often (the object serves for the life of the process, or
        records from its own loop); low otherwise, shown by the strict profile."""
        if self._loop_called is None:
            self._loop_called = self._called_in_loops(self._methods)
        if (self._named or looped or growth.method.name.value in self._loop_called
                or growth.method.name.value in self._per_event):
            return Confidence.MEDIUM
        return Confidence.LOW

    def _report_events(self, klass: cst.ClassDef, name: str, growth: _Growth, confidence: Confidence) -> None:
        site = growth_site_text(self.context, growth.node)
        every = "on every pass of its loop" if in_while_loop(self.context, growth.node) else "on every call"
        self.report(
            growth.node,
            f"`{klass.name.value}.{growth.method.name.value}()` appends a timestamped record to `self.{name}` {every} "
            f"(`{site}`), and nothing in this module trims it: an event log that keeps every entry for as long as "
            f"the `{klass.name.value}` lives",
            suggestion=(
                f"keep only the latest entries: `self.{name} = collections.deque(maxlen=N)` in `__init__` (readers "
                f"of the newest entries still work), or write the records to a `logging` logger"
            ),
            confidence=confidence,
        )

    def _sibling_released(self, name: str, growth: _Growth, attributes: Dict[str, _Attribute]) -> bool:
        """Another table of `self` filed under the same key in the same method is swept: the class
        drops ids that have ended from one table and not from this one (LKL218's shape)."""
        key = self.context.code(growth.items[0]) if growth.items and growth.items[0] is not None else None
        for other_name, other in attributes.items():
            if other_name == name or not (other.released or other_name in self.removed_anywhere):
                continue
            for sibling in other.growths:
                if (sibling.evidence == ENDING and sibling.method is growth.method and sibling.items
                        and sibling.items[0] is not None and self.context.code(sibling.items[0]) == key):
                    return True
        return False

    def _report_ending(self, klass: cst.ClassDef, name: str, growth: _Growth) -> None:
        key = growth.items[0] if growth.items else None
        key_text = first_line_text(self.context, key, 30) if key is not None else "key"
        site = growth_site_text(self.context, growth.node)
        self.report(
            growth.node,
            f"`{klass.name.value}.{growth.method.name.value}()` files an entry in `self.{name}` under `{key_text}` "
            f"(`{site}`), the id of something that ends (a session, stream or process), and nothing in this module "
            f"removes from `self.{name}`: once it has ended its key never comes back, and its entry stays for as "
            f"long as the `{klass.name.value}` lives",
            suggestion=(
                f"pop the entry where it ends (`self.{name}.pop({key_text}, None)` in the close, disconnect or "
                f"exit handler, or in a `finally`), or sweep the ids that are gone after each update"
            ),
            confidence=Confidence.MEDIUM,
        )

    def _adds_worker(self, items: Any, assignments: dict) -> bool:
        for item in items or ():
            values = assignments.get(item.value, []) if isinstance(item, cst.Name) else [item]
            for value in values:
                if isinstance(value, cst.Call):
                    shown = dotted_name(value.func) or ""
                    if shown.rsplit(".", 1)[-1] in _WORKERS:
                        return True
        return False

    def _report(self, klass: cst.ClassDef, name: str, attribute: _Attribute, growth: _Growth, confidence: Confidence) -> None:
        site = growth_site_text(self.context, growth.node)
        pinned = describe_pinned(self.context, growth.items, growth.value, growth.method)
        every = "on every pass of its loop" if in_while_loop(self.context, growth.node) else "on every call"
        message = (
            f"`{klass.name.value}.{growth.method.name.value}()` adds {pinned} to `self.{name}` {every} (`{site}`), "
            f"and nothing in this module removes from it: the `{klass.name.value}` serves for the life of the process"
            f"{' (this module makes one, lazily, into a module global)' if self._singleton else ''}, "
            f"so every entry it has ever added stays alive with it"
        )
        why = self._per_event.get(growth.method.name.value)
        if self._registered and why:
            message = (
                f"`{klass.name.value}.{growth.method.name.value}()` adds {pinned} to `self.{name}` on every event "
                f"(`{site}`; {why}), and nothing in this module removes from it: the event source keeps the "
                f"`{klass.name.value}` and calls it for as long as it is registered, so every event it has "
                f"delivered stays in `self.{name}`"
            )
        key = (growth.items or [None])[0]
        if attribute.kind in ("list", "deque"):
            suggestion = (
                f"remove the entry when its request is done (`self.{name}.remove(...)` in a `finally`), or keep only "
                f"the latest with `self.{name} = collections.deque(maxlen=N)`"
            )
        elif attribute.kind == "set":
            suggestion = f"discard the item when it is done with (`self.{name}.discard(...)` in a `finally`), or bound the set"
        else:
            key_text = first_line_text(self.context, key, 30) if key is not None else "key"
            suggestion = (
                f"pop the entry when its request or connection ends (`self.{name}.pop({key_text}, None)` in a "
                f"`finally` or the close handler), or bound it (an `OrderedDict` that evicts its oldest entry)"
            )
        self.report(growth.node, message, suggestion=suggestion, confidence=confidence)


# Per-instance container defaults of a dataclass or attrs class (`field(default_factory=list)`).
_FIELD_CALLS = frozenset({"field", "ib", "attrib", "Factory"})
_FIELD_FACTORIES = frozenset({"default_factory", "factory"})


def _field_containers(context: Any, klass: cst.ClassDef) -> Dict[str, str]:
    """Fields declared in the class body whose default is a new container per instance:
    `events: list = field(default_factory=list)`, `attr.ib(factory=dict)`, `Factory(deque)`."""
    found: Dict[str, str] = {}
    for statement in klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ():
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if not (isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name)
                    and isinstance(small.value, cst.Call) and last_name(small.value.func) in _FIELD_CALLS):
                continue
            call = small.value
            factories = [a.value for a in call.args if a.keyword is not None and a.keyword.value in _FIELD_FACTORIES]
            if last_name(call.func) == "Factory" and call.args and call.args[0].keyword is None:
                factories.append(call.args[0].value)
            for factory in factories:
                made = factory.body if isinstance(factory, cst.Lambda) else cst.Call(func=factory)
                kind = container_kind(context, made)
                if kind is not None:
                    found[small.target.value] = kind
    return found


def _event_payload(method: cst.FunctionDef, items: Any, per_event: Dict[str, str]) -> bool:
    """Every item added is a parameter of a method that an event source calls per event (a
    registered handler, a protocol hook): the message, record or connection of that event."""
    if method.name.value not in per_event or not items:
        return False
    parameters = {p.name.value for p in method.params.params[1:]}
    return all(isinstance(item, cst.Name) and item.value in parameters for item in items)


def _values(item: cst.BaseExpression, assignments: dict) -> List[Optional[cst.BaseExpression]]:
    """``item``, or what the local it names is bound to in the method."""
    if isinstance(item, cst.Name) and item.value in assignments:
        return list(assignments[item.value])
    return [item]


class _LazyAssignments:
    """A function's `local_assignments`, walked only when a key's local is looked up (most keys
    are judged by their own name)."""

    def __init__(self, function: cst.FunctionDef, cache: Dict[int, dict]) -> None:
        self._function = function
        self._cache = cache

    def get(self, name: str) -> Any:
        found = self._cache.get(id(self._function))
        if found is None:
            found = self._cache[id(self._function)] = local_assignments(self._function)
        return found.get(name)


def _is_self_attribute(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self"


def _filed_under_own_id(key: Optional[cst.BaseExpression], value: Optional[cst.BaseExpression]) -> bool:
    """`self.connections[conn.connection_id] = conn`: a store of objects by their own id, whose
    entries go when its API deletes them (a session table that is never swept is caught by its
    removal being missing on a path, which this rule does not follow)."""
    return (isinstance(key, cst.Attribute) and isinstance(key.value, cst.Name) and isinstance(value, cst.Name)
            and key.value.value == value.value)


def _makes_primitive(value: Optional[cst.BaseExpression], assignments: dict) -> bool:
    """``value`` is a lock, event, semaphore or condition made for the key (`asyncio.Lock()`)."""
    return _made_by(value, assignments, SYNC_PRIMITIVES)


def _parks_future(value: Optional[cst.BaseExpression], assignments: dict) -> bool:
    """``value`` is a future made for the request (`loop.create_future()`, `Future()`)."""
    return _made_by(value, assignments, _FUTURE_MAKERS)


def _made_by(value: Optional[cst.BaseExpression], assignments: dict, makers: frozenset) -> bool:
    """``value`` (or a local it was assigned from) is a call whose last name is one of ``makers``."""
    for made in _values(value, assignments) if value is not None else ():
        if isinstance(made, cst.Call) and last_name(made.func) in makers:
            return True
    return False
