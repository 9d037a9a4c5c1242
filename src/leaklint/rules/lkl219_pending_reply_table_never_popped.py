"""LKL219: a table of futures waiting for replies, from which the replies never remove them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import libcst as cst

from leaklint.analysis.containers import DICT_KINDS, container_kind, is_written_constant, local_assignments
from leaklint.analysis.growth_facts import ESCAPE, GROW, SHRINK, assigned_value, classify_use, growth_site_text, is_test_module
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

# Calls that make a new future: one per request.
_FUTURE_CALLS = frozenset({"create_future", "Future"})


@dataclass
class _Table:
    kind: Optional[str] = None
    parks: List[Tuple[cst.Attribute, cst.FunctionDef]] = field(default_factory=list)  # a new future stored
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

    ## Why is this bad?
    A request/reply table exists to match each reply to its waiting caller; once the reply has
    resolved the future, the entry has done its job. Looked up but never popped, every request
    the object ever sent leaves its future, with the reply it carries, in the table for as long as
    the object lives: a client that talks to a service for the life of the process grows with
    every call.

    Not flagged: a table the class pops from, deletes from, clears or reassigns (anywhere: the
    usual `self._pending.pop(reply_id).set_result(...)` included), one handed to other code,
    entries parked under a constant key, tables of test modules.

    ## Known problems
    Only futures made in the method that parks them are followed (`create_future()`, `Future()`);
    a table of callbacks or events used the same way is not reported.

    ## References
    - LKL211 (a long-lived object's table grown per request), LKL218 (an entry removed from one
      of two tables keyed alike).
    """

    code = "LKL219"
    name = "pending-reply-table-never-popped"
    trigger_names = ("create_future", "Future(")
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

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.classes.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.classes or is_test_module(self.context.module_name, self.context.module):
            return
        for klass in self.classes:
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
                        table.kind = container_kind(self.context, parent.value)
                    else:
                        table.removed = True
                    continue
                use = classify_use(self.context, inner)
                if use.op == SHRINK and use.how == "=" and method.name.value == "__init__":
                    value = assigned_value(self.context, inner)
                    if value is not None:
                        table.kind = container_kind(self.context, value)
                elif use.op in (SHRINK, ESCAPE):
                    table.removed = True
                elif use.op == GROW and use.how in ("[]=", "setdefault") and use.items:
                    if assignments is None:
                        assignments = local_assignments(method)
                    if _new_future(use.value, assignments) and not is_written_constant(use.items[0]):
                        table.parks.append((inner, method))
                elif isinstance(parent, cst.Subscript) or (
                        isinstance(parent, cst.Attribute) and parent.attr.value == "get"):
                    table.looked_up_in.append(method.name.value)
        for name, table in tables.items():
            if table.kind not in DICT_KINDS or table.removed or not table.parks:
                continue
            parking = {method.name.value for _node, method in table.parks}
            readers = [m for m in table.looked_up_in if m not in parking]
            if not readers:
                continue
            self._report(klass, name, table, readers[0])

    def _report(self, klass: cst.ClassDef, name: str, table: _Table, reader: str) -> None:
        site, method = table.parks[0]
        text = growth_site_text(self.context, site)
        self.report(
            site,
            f"`{klass.name.value}.{method.name.value}()` parks a new future per request in `self.{name}` (`{text}`), "
            f"and `{reader}()` looks it up when the reply comes but nothing ever removes it: every request the "
            f"`{klass.name.value}` sends leaves its resolved future, with the reply it carries, in `self.{name}` for "
            f"as long as the object lives",
            suggestion=(
                f"take the entry out when the reply arrives (`self.{name}.pop(key).set_result(...)` in `{reader}()`), "
                f"and on timeout or cancellation (`future.add_done_callback(lambda _: self.{name}.pop(key, None))`)"
            ),
            confidence=Confidence.MEDIUM,
        )


def _new_future(value: Optional[cst.BaseExpression], assignments: dict) -> bool:
    values = assignments.get(value.value, []) if isinstance(value, cst.Name) else [value]
    for candidate in values:
        if isinstance(candidate, cst.Call):
            func = candidate.func
            last = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
            if last in _FUTURE_CALLS:
                return True
    return False
