"""LKL219: a table of futures waiting for replies (or of values handed from one method to another
under a per-request key), from which nothing removes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import (
    DICT_KINDS,
    container_kind,
    identifier_tokens,
    is_written_constant,
    local_assignments,
)
from leaklint.analysis.growth_facts import ESCAPE, GROW, SHRINK, assigned_value, classify_use, growth_site_text, is_test_module
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule
from leaklint.analysis.names import last_name

# Calls that make a new future: one per request.
_FUTURE_CALLS = frozenset({"create_future", "Future"})


@dataclass
class _Table:
    kind: Optional[str] = None
    parks: List[Tuple[cst.Attribute, cst.FunctionDef]] = field(default_factory=list)  # a new future stored
    # any value stored under a per-request key (``self.replies[reply["id"]] = reply``)
    handoffs: List[Tuple[cst.Attribute, cst.FunctionDef]] = field(default_factory=list)
    looked_up_in: List[str] = field(default_factory=list)  # methods that read an entry back
    removed: bool = False


class PendingReplyTableNeverPopped(Rule):
    """
    ## What it does
    Flags a dict on `self` in which a method parks a new future per request (`future =
    loop.create_future()`, `self._pending[request_id] = future`) and which other methods read back
    to resolve the future when the reply comes (`self._pending[reply_id].set_result(...)`), when
    nothing removes an entry: no `pop`, `del`, `clear` or reassignment of the table anywhere in
    the class.

    The same hand-off with any value: a method stores an entry under a key that identifies one
    unit of work (`self.replies[reply["id"]] = reply`, `self._attempts[request] = 1`,
    `self._writers[session_id] = writer`, a key minted per call such as `token = uuid4()`) and
    another method looks it up by key to use it, and nothing removes it. The key must say it
    belongs to a request, reply, response, message, call, session or transaction (in its own
    name or the name it is read from: `msg.id`, `reply["id"]`), or be made new per call. A bare
    start time (`self.started[request.request_id] = time.time()`, read back to measure latency)
    is such a hand-off; an entry stored with its time (`(time.time(), reply)`) is a cache, left to
    LKL215. A table made only when a feature is on (`{} if monitoring else None`) counts. A table
    whose own name says its keys are ids of units of work (`render_id_to_cache_key`,
    `request_id_map`) counts whatever the key expression is called.

    ## Why is this bad?
    A request/reply table exists to match each reply to its waiting caller; once the reply has
    resolved the future, the entry has done its job. Looked up but never popped, every request
    the object ever sent leaves its future, with the reply it carries, in the table for as long as
    the object lives: a client that talks to a service for the life of the process grows with
    every call.

    Not flagged: a table the class pops from, deletes from, clears or reassigns (anywhere: the
    usual `self._pending.pop(reply_id).set_result(...)` included), one handed to other code,
    entries parked under a constant key, tables of test modules; for values other than futures,
    keys that name things that come back or persist (an address, an event kind, `guild.id`,
    `span.id`: LKL211 judges those on long-lived objects), entries read back only by the method that stores them, and
    entries made with the table's owner (`RequestChannel(msg, self)`), which can take themselves
    out, and entries stamped with a time (a cache: LKL215 reports one never swept).

    ## Known problems
    Only futures made in the method that parks them are followed (`create_future()`, `Future()`).
    A removal in another module (`del self.server.replies[...]` on an object that was not made
    with the owner) is not seen, nor is a per-request id named after the thing it renders
    (django-components' `ctx.component_id`, a render id). Seen in upstream fixes: argo's reply
    table (one reply per JSON-RPC request, never popped), airbyte's per-request attempt counter,
    mcp's session writers.

    ## References
    - LKL211 (a long-lived object's table grown per request), LKL218 (an entry removed from one
      of two tables keyed alike).
    """

    code = "LKL219"
    name = "pending-reply-table-never-popped"
    # a future parked per request, or any value stored under a key (`self.table[key] = value`)
    trigger_names = ("create_future", "Future(", "] = ")
    message = "`self.{attribute}` keeps the future of every request: the reply resolves it but never removes it"
    examples = (
        Bad(
            "import asyncio\n\n\nclass Client:\n    def __init__(self, protocol):\n        self._protocol = protocol\n"
            "        self._pending = {}\n\n    def request(self, request_id, packet):\n"
            "        future = asyncio.get_event_loop().create_future()\n"
            "        self._pending[request_id] = future\n        self._protocol.send(packet)\n"
            "        return future\n\n    def receive(self, reply):\n"
            "        self._pending[reply['request_id']].set_result(reply['body'])\n"
        ),
        Good(
            "import asyncio\n\n\nclass Client:\n    def __init__(self, protocol):\n        self._protocol = protocol\n"
            "        self._pending = {}\n\n    def request(self, request_id, packet):\n"
            "        future = asyncio.get_event_loop().create_future()\n"
            "        self._pending[request_id] = future\n        self._protocol.send(packet)\n"
            "        return future\n\n    def receive(self, reply):\n"
            "        self._pending.pop(reply['request_id']).set_result(reply['body'])\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.classes: List[cst.ClassDef] = []
        self.storing: Set[int] = set()  # ids of classes with a store under a key

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.classes.append(node)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        # ``<something>.table[key] = ...``: the only classes worth the walk in ``_check``
        if isinstance(node.target, cst.Subscript) and isinstance(node.target.value, cst.Attribute):
            self._mark(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        if node.attr.value == "setdefault":
            self._mark(node)

    def _mark(self, node: cst.CSTNode) -> None:
        klass = self.context.enclosing_class(node)
        if klass is not None:
            self.storing.add(id(klass))

    def leave_Module(self, node: cst.Module) -> None:
        if not self.storing or is_test_module(self.context.module_name, self.context.module):
            return
        for klass in self.classes:
            if id(klass) in self.storing:
                self._check(klass)

    def _check(self, klass: cst.ClassDef) -> None:
        methods = [s for s in klass.body.body if isinstance(s, cst.FunctionDef)]  # type: ignore[union-attr]
        tables: Dict[str, _Table] = {}
        for method in methods:
            assignments: Optional[dict] = None
            for inner in walk(method.body):
                if not (isinstance(inner, cst.Attribute) and isinstance(inner.value, cst.Name)
                        and inner.value.value == "self"):
                    continue
                table = tables.setdefault(inner.attr.value, _Table())
                parent = self.context.parent(inner)
                if isinstance(parent, cst.AnnAssign) and parent.target is inner:
                    if method.name.value == "__init__" and parent.value is not None:
                        table.kind = _table_kind(self.context, parent.value)
                    else:
                        table.removed = True
                    continue
                use = classify_use(self.context, inner)
                if use.op == SHRINK and use.how == "=" and method.name.value == "__init__":
                    value = assigned_value(self.context, inner)
                    if value is not None:
                        table.kind = _table_kind(self.context, value)
                elif use.op in (SHRINK, ESCAPE):
                    table.removed = True
                elif use.op == GROW and use.how in ("[]=", "setdefault") and use.items:
                    if assignments is None:
                        assignments = local_assignments(method)
                    key = use.items[0]
                    if is_written_constant(key):
                        continue
                    if _new_future(use.value, assignments):
                        table.parks.append((inner, method))
                    elif ((_per_request_key(self.context, key, assignments) or _named_by_unit_id(inner.attr.value))
                          and not _knows_its_table(use.value, assignments)
                          and not _stamped(use.value)):
                        table.handoffs.append((inner, method))
                elif isinstance(parent, cst.Subscript) or (
                        isinstance(parent, cst.Attribute) and parent.attr.value == "get"):
                    table.looked_up_in.append(method.name.value)
        for name, table in tables.items():
            if table.kind not in DICT_KINDS or table.removed:
                continue
            for sites, futures in ((table.parks, True), (table.handoffs, False)):
                parking = {method.name.value for _node, method in sites}
                readers = [m for m in table.looked_up_in if m not in parking]
                if sites and readers:
                    self._report(klass, name, sites, readers[0], futures)
                    break

    def _report(self, klass: cst.ClassDef, name: str, sites: List[Tuple[cst.Attribute, cst.FunctionDef]],
                reader: str, futures: bool) -> None:
        site, method = sites[0]
        owner, table = klass.name.value, f"self.{name}"
        where = f"`{owner}.{method.name.value}()`"
        text = growth_site_text(self.context, site)
        if futures:
            message = (
                f"{where} parks a new future per request in `{table}` (`{text}`), and `{reader}()` looks it up when "
                f"the reply comes but nothing ever removes it: every request the `{owner}` sends leaves its resolved "
                f"future, with the reply it carries, in `{table}` for as long as the object lives"
            )
            suggestion = (
                f"take the entry out when the reply arrives (`{table}.pop(key).set_result(...)` in `{reader}()`), "
                f"and on timeout or cancellation (`future.add_done_callback(lambda _: {table}.pop(key, None))`)"
            )
        else:
            message = (
                f"{where} stores an entry per request in `{table}` (`{text}`), and `{reader}()` looks it up by its "
                f"key, but nothing ever removes it: every request, reply or call the `{owner}` handles leaves its "
                f"entry in `{table}` for as long as the object lives"
            )
            suggestion = (
                f"take the entry out once it has been used (`{table}.pop(key)` in `{reader}()`), and on the paths "
                f"that never reach `{reader}()` (errors, early returns)"
            )
        self.report(site, message, suggestion=suggestion, confidence=Confidence.MEDIUM)


# Tokens that name one unit of work (a request, a reply, a call, a session): an id of one of
# these is new for every unit and comes back only while it is in flight. Ids of things that
# persist (a guild, a certificate, a span) are left to the rules for long-lived objects.
_UNIT_OF_WORK_TOKENS = frozenset({
    "request", "req", "reply", "response", "resp", "msg", "message", "session", "call", "rpc", "seq",
    "correlation", "transaction", "txn", "invocation", "render",
})


def _named_by_unit_id(table: str) -> bool:
    """``render_id_to_cache_key``, ``request_id_map``: the table says its keys are ids of units
    of work, whatever the key expression is called (``ctx.component_id`` is the render's id)."""
    words = identifier_tokens(table)
    return any(word in _UNIT_OF_WORK_TOKENS and after == "id" for word, after in zip(words, words[1:]))


def _per_request_key(context: object, key: Optional[cst.BaseExpression], assignments: dict) -> bool:
    """A key with one value per unit of work: ``request``, ``session_id``, ``reply["id"]``,
    ``msg.id``, or a value minted per call (``token = uuid4()``)."""
    words: List[str] = []
    node = key
    while node is not None:
        if isinstance(node, cst.Subscript) and len(node.slice) == 1:
            index = node.slice[0].slice
            if isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString):
                words.append(str(index.value.evaluated_value))
            node = node.value
        elif isinstance(node, cst.Attribute):
            words.append(node.attr.value)
            node = node.value
        elif isinstance(node, cst.Name):
            words.append(node.value)
            node = None
        else:
            node = None
    tokens = {token for word in words for token in identifier_tokens(word.strip())}
    if tokens & _UNIT_OF_WORK_TOKENS:
        return True
    values = assignments.get(key.value, []) if isinstance(key, cst.Name) else [key]
    return any(_mints(context, value) for value in values)


# Calls that give a value no earlier call gave: a key made from one is new per call. ``id(obj)``
# is not one of them: it names an object that may come back (a node, a class being analysed).
_MINTING_CALLS = frozenset({
    "uuid.uuid1", "uuid.uuid4", "builtins.next", "secrets.token_hex", "secrets.token_urlsafe", "os.urandom",
})


def _mints(context: object, value: Optional[cst.BaseExpression]) -> bool:
    return value is not None and any(
        isinstance(node, cst.Call) and context.qualified_name(node.func) in _MINTING_CALLS  # type: ignore[attr-defined]
        for node in walk(value)
    )


_CLOCK_READINGS = frozenset({"time", "time_ns", "monotonic", "perf_counter", "now", "utcnow"})


def _table_kind(context: object, value: cst.BaseExpression) -> Optional[str]:
    """The kind of the table ``__init__`` makes; ``{} if monitoring else None`` is a table
    whenever the feature that fills it is on."""
    if isinstance(value, cst.IfExp):
        return container_kind(context, value.body) or container_kind(context, value.orelse)  # type: ignore[arg-type]
    return container_kind(context, value)  # type: ignore[arg-type]


def _stamped(value: Optional[cst.BaseExpression]) -> bool:
    """``(loop.time() + 60, reply)``: a cache entry with its time; LKL215 judges whether it is swept.
    A bare clock reading (``self.started[request.id] = time.time()``) is no cache entry but the
    start time of one request, handed to the method that measures it: a hand-off like any other."""
    if value is None or (isinstance(value, cst.Call) and (last_name(value.func) or "") in _CLOCK_READINGS):
        return False
    for node in walk(value):
        if isinstance(node, cst.Call):
            func = node.func
            name = last_name(func) or ""
            if name in _CLOCK_READINGS:
                return True
    return False


def _knows_its_table(value: Optional[cst.BaseExpression], assignments: dict) -> bool:
    """``channel = RequestChannel(msg, self)``: the entry is made with its owner and may take
    itself out (``del self.server.channels[...]`` in its own module)."""
    values = assignments.get(value.value, []) if isinstance(value, cst.Name) else [value]
    return any(
        isinstance(v, cst.Call) and any(isinstance(a.value, cst.Name) and a.value.value == "self" for a in v.args)
        for v in values
    )


def _new_future(value: Optional[cst.BaseExpression], assignments: dict) -> bool:
    values = assignments.get(value.value, []) if isinstance(value, cst.Name) else [value]
    for candidate in values:
        if isinstance(candidate, cst.Call):
            func = candidate.func
            last = last_name(func) or ""
            if last in _FUTURE_CALLS:
                return True
    return False
