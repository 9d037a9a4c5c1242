"""LKL211: a long-lived object keeps an entry per request in a container of its own, for good."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.containers import OBJECT, REMOVE_METHODS, UNKNOWN, WORKLOAD, container_kind, local_assignments
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
)
from leaklint.analysis import lifetimes as lt
from leaklint.analysis.names import dotted_name
from leaklint.analysis.walk import walk_scope
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
# Constructors LKL207 reports (a list of threads kept until shutdown).
_WORKERS = ("Thread", "Timer", "Process")


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

    An object this module makes only through the lazy singleton idiom (`global _client` ...
    `if _client is None: _client = Client()`) is one instance for the process whatever its
    name: every call of any of its methods (outside set-up, teardown and error paths) counts as
    a request, and a list it appends to on every call grows whatever the item is.

    ## Known problems
    Whether an object is long-lived is read from its class name, or from a lazy module-level
    singleton that makes it (a loop alone says little: a
    handshake loops too); a per-request object named like a server (a `SessionManager` made per
    request) is a false alarm, which is why a name alone gives medium confidence unless the entry
    is per object or added in the object's own loop. A removal through another object (`server.
    sessions.pop(...)` in a handler class) counts when it names the same attribute.

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

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.classes.append(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value in REMOVE_METHODS and isinstance(node.value, cst.Attribute):
            self.removed_anywhere.add(node.value.attr.value)

    def leave_Module(self, node: cst.Module) -> None:
        if is_test_module(self.context.module_name, self.context.module):
            return
        for klass in self.classes:
            self._check(klass)

    def _check(self, klass: cst.ClassDef) -> None:
        # One instance for the process, made lazily into a guarded module global (`if _client is
        # None: _client = Client()`): every method call is a request. (A module-level instance
        # grown by its callers is LKL209's and LKL204's.)
        self._singleton = lt.made_lazily_once(self.context, klass)
        if not self._singleton and not names_long_lived(klass, _LONG_LIVED_TOKENS):
            return  # (a loop alone says little: a handshake or a negotiation loops too)
        methods = [s for s in klass.body.body if isinstance(s, cst.FunctionDef)]  # type: ignore[union-attr]
        attributes: Dict[str, _Attribute] = {}
        for method in methods:
            self._collect(method, attributes)
        for name, attribute in attributes.items():
            if attribute.kind is None or attribute.released or name in self.removed_anywhere:
                continue
            for growth in attribute.growths:
                looped = in_while_loop(self.context, growth.node)
                confidence = Confidence.HIGH if looped or growth.evidence == OBJECT else Confidence.MEDIUM
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
            elif use.op == GROW and self._per_request(method, node):
                if assignments is None:
                    assignments = local_assignments(method)
                if self._adds_worker(use.items, assignments):
                    continue  # LKL207's
                evidence = items_evidence(self.context, use.items, method, assignments=assignments)
                if evidence == UNKNOWN and self._singleton and use.how in _SEQUENCE_GROWTH:
                    evidence = WORKLOAD  # a list keeps one more item per call, whatever the item is
                if evidence not in (OBJECT, WORKLOAD):
                    continue
                attribute.growths.append(_Growth(node, method, use.how, list(use.items or []), use.value, evidence))

    def _per_request(self, method: cst.FunctionDef, node: cst.CSTNode) -> bool:
        name = method.name.value.lower()
        if name.startswith("__") and name != "__call__":
            return False
        if self._singleton and lt.retention_site(self.context, node) in (lt.SITE_CALL, lt.SITE_LOOP):
            return True  # not a setup, teardown or error path of the one instance
        return name.startswith(_PER_REQUEST_PREFIXES) or in_while_loop(self.context, node)

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
