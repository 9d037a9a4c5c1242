"""LKL222: an entry added to a long-lived table whose removal runs only when the work between
them succeeds, so every exception or cancellation in between leaves the entry behind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Set, Tuple

import libcst as cst

from leaklint.analysis.growth_facts import first_line_text, is_test_module
from leaklint.analysis.names import assignment_parts, dotted_name
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

Function = cst.FunctionDef

# Methods that add one entry to a list, set or dict, and those that take one out.
_ADD_METHODS = frozenset({"append", "add", "insert", "appendleft", "setdefault", "__setitem__"})
_TAKE_METHODS = frozenset({"pop", "remove", "discard", "__delitem__"})
# Calls that do not raise in practice (or whose failure is a bug, not a path): they do not
# separate an entry from its removal.
_QUIET_CALLS = frozenset({
    "len", "isinstance", "issubclass", "id", "type", "str", "repr", "bool", "int", "float", "tuple", "list",
    "dict", "set", "frozenset", "hasattr", "callable", "print", "super",
})
_LOG_RECEIVERS = ("log", "logger", "logging", "_log", "_logger", "LOG", "LOGGER")
# Decorators that turn a generator into a context manager: LKL306 reports a release after a bare
# `yield` of one; this rule takes the ones whose `yield` sits in a `try:` that misses the removal.
_CM_DECORATORS = frozenset({"contextmanager", "asynccontextmanager"})


@dataclass(frozen=True)
class _Step:
    """One simple statement of a function, with the chain of its statement ancestors."""

    node: cst.BaseSmallStatement
    chain: Tuple[cst.CSTNode, ...]  # outermost first, ending with the statement's own line


class EntryRemovedOnlyOnSuccess(Rule):
    """
    ## What it does
    Flags an entry added to a table that outlives the call (an attribute of `self` or of the
    class, a module-level dict, list or set) when the same function takes it out again only after
    some work that can fail: a call, an `await`, or the `yield` of a context manager, with no
    `try:`/`finally:` (or `except` that removes it) around that work. Also flags a method whose
    last step calls the object's own "unregister me" method (one that deletes `self`, or an entry
    keyed by an attribute of `self`, from a table where the class puts `self`) after a call that can raise.

    ## Why is this bad?
    On the path where the work raises, or where the task is cancelled at an `await` (a client that
    disconnects, a timeout), the removal never runs: the entry, and everything it holds (a queue,
    a callback and its closure, the object itself), stays in the table for as long as the table
    lives. A server that subscribes a queue per connection, parks a waiter per request or keeps
    each pending call in a class-level list grows by one entry with every failed or cancelled
    request, and keeps sending events to dead subscribers.

    ## Known problems
    Medium when the table lives on a class or a module, or when the work that can fail is an
    `await` or a context manager's `yield` (cancellation and errors of the `with` body are
    routine there); low (strict profile only) for an instance's own table with plain calls in
    between, where the table dies with its object. The rule stays quiet when a `finally:` or an
    `except` handler of the function removes from the same table (or calls the same unregister
    method), when the work sits in a `try:` with handlers that let the function go on to the
    removal, for tables held in local variables, and in test modules. A removal in another
    function (an `on_close()` callback, a done-callback) is not followed.

    ## References
    - Related: LKL306 (a context manager's release after a bare `yield`), LKL310 (a close skipped
      by a caught error), LKL219 (a reply table nothing pops).
    """

    code = "LKL222"
    name = "entry-removed-only-on-success"
    message = "`{table}` keeps the entry when the work before its removal raises or is cancelled"
    trigger_names = ("del ", ".pop(", ".remove(", ".discard(")
    examples = (
        Bad(
            "class Hub:\n    def __init__(self):\n        self.waiters = {}\n\n"
            "    async def wait_for(self, key, loop):\n        future = loop.create_future()\n"
            "        self.waiters[key] = future\n        result = await future\n"
            "        del self.waiters[key]\n        return result\n"
        ),
        Good(
            "class Hub:\n    def __init__(self):\n        self.waiters = {}\n\n"
            "    async def wait_for(self, key, loop):\n        future = loop.create_future()\n"
            "        self.waiters[key] = future\n        try:\n            return await future\n"
            "        finally:\n            del self.waiters[key]\n"
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.functions: List[Function] = []
        # per file: what a method takes out of a table, and which tables a class fills
        self._removals: Dict[int, Optional[str]] = {}
        self._class_tables: Dict[int, Set[str]] = {}

    def visit_FunctionDef(self, node: Function) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.functions.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.functions or is_test_module(self.context.module_name, self.context.module):
            return
        globals_ = _module_containers(node)
        for function in self.functions:
            klass = self.context.enclosing_class(function)
            self._check(function, klass, globals_)

    # -- one function ---------------------------------------------------------------------------

    def _check(self, function: Function, klass: Optional[cst.ClassDef], globals_: Set[str]) -> None:
        steps = _steps(function)
        if len(steps) < 3 and not any(_call_of_self_method(s.node) for s in steps):
            return
        class_attrs = _class_attributes(klass) if klass is not None else set()
        reported: Set[str] = set()
        for index, step in enumerate(steps):
            if _in_cleanup(step):
                continue
            table = _removed_table(step.node)
            if table is not None and _long_lived(table, class_attrs, globals_) and table not in reported:
                if self._direct(function, steps, index, table, class_attrs, globals_):
                    reported.add(table)
                continue
            method = _call_of_self_method(step.node)
            if method is not None and klass is not None and method != function.name.value:
                self._through_method(function, klass, steps, index, method, class_attrs, globals_)

    def _direct(self, function: Function, steps: Sequence[_Step], index: int, table: str,
                class_attrs: Set[str], globals_: Set[str]) -> bool:
        removal = steps[index]
        if _cleaned_on_error(steps, lambda node: _removed_table(node) == table):
            return False
        for add_index in range(index):
            add = steps[add_index]
            if _added_table(add.node) != table or _in_cleanup(add):
                continue
            if not _sequential(add, removal) or not _same_entry(add.node, removal.node):
                continue
            if self._replaces(steps[:add_index], add.node):
                continue
            works = _work(steps, add_index + 1, index, removal, table)
            if not works:
                continue
            work = works[0]
            work_text = first_line_text(self.context, work.node, 50)
            confidence = self._grade(function, table, class_attrs, globals_, works)
            message = (
                f"`{first_line_text(self.context, add.node, 60)}` adds an entry to `{table}`, which outlives the call, "
                f"and `{function.name.value}()` takes it out only after `{work_text}` "
                f"(line {self.context.location(work.node).line}) succeeds: when that raises or is cancelled, the "
                f"entry and what it holds stay in `{table}` for good, one more per failed call"
            )
            suggestion = (
                f"put the work after the add in `try:` and the removal from `{table}` in its `finally:` block"
            )
            self.report(add.node, message, suggestion=suggestion, confidence=confidence)
            return True
        return False

    def _through_method(self, function: Function, klass: cst.ClassDef, steps: Sequence[_Step], index: int,
                        method: str, class_attrs: Set[str], globals_: Set[str]) -> None:
        target = _method(klass, method)
        if target is None:
            return
        if id(target) not in self._removals:
            self._removals[id(target)] = _self_removal(target, class_attrs, globals_)
        table = self._removals[id(target)]
        if table is None:
            return
        if id(klass) not in self._class_tables:
            self._class_tables[id(klass)] = _class_tables(klass)
        if table not in self._class_tables[id(klass)]:
            return
        if _cleaned_on_error(steps, lambda node: _call_of_self_method(node) == method):
            return
        call = steps[index]
        works = _work(steps, 0, index, call, table)
        if not works:
            return
        work = works[0]
        confidence = self._grade(function, table, class_attrs, globals_, works)
        message = (
            f"`{function.name.value}()` calls `self.{method}()`, which takes this object's entry out of `{table}`, "
            f"only after `{first_line_text(self.context, work.node, 50)}` returns: when that raises, the entry and "
            f"everything the object holds stay in `{table}` for good"
        )
        work_text = first_line_text(self.context, work.node, 40)
        suggestion = f"call `self.{method}()` in a `finally:` block around `{work_text}`"
        self.report(work.node, message, suggestion=suggestion, confidence=confidence)

    def _grade(self, function: Function, table: str, class_attrs: Set[str], globals_: Set[str],
               works: Sequence[_Step]) -> Confidence:
        if _shared(table, class_attrs, globals_):
            return Confidence.MEDIUM
        # Cancellation at an `await` and errors of a `with` body at a context manager's `yield`
        # are routine (a client that goes away), not a rare failure. A plain generator's `yield`
        # is skipped only by a consumer that stops early: low.
        routine = (cst.Await, cst.Yield) if _context_manager(function) else (cst.Await,)
        if any(isinstance(node, routine) for work in works for node in walk(work.node)):
            return Confidence.MEDIUM
        return Confidence.LOW

    def _replaces(self, before: Sequence[_Step], add: cst.BaseSmallStatement) -> bool:
        """``table[key] = value`` after the function read ``table[key]``: it replaces an entry."""
        if not isinstance(add, cst.Assign):
            return False
        texts = {self.context.code(t.target) for t in add.targets if isinstance(t.target, cst.Subscript)}
        for step in before:
            for node in walk(step.node):
                if isinstance(node, cst.Subscript) and self.context.code(node) in texts:
                    return True
        return False


def _context_manager(function: Function) -> bool:
    return any(
        (dotted_name(d.decorator) or "").rsplit(".", 1)[-1] in _CM_DECORATORS for d in function.decorators
    )


def _entry_names(node: cst.CSTNode) -> Set[str]:
    return {n.value for n in walk(node) if isinstance(n, cst.Name) and n.value not in ("self", "cls")}


def _same_entry(add: cst.BaseSmallStatement, removal: cst.BaseSmallStatement) -> bool:
    """The removal names the key or item the add put in (``d[key] = v`` ... ``del d[key]``), not
    another entry (a sweep over dead keys)."""
    return bool(_key_names(add) & _key_names(removal))


def _key_names(node: cst.BaseSmallStatement) -> Set[str]:
    names: Set[str] = set()
    targets: List[cst.CSTNode] = []
    if isinstance(node, cst.Assign):
        targets = [t.target for t in node.targets]
    elif isinstance(node, cst.Del):
        targets = [node.target]
    for target in targets:
        while isinstance(target, cst.Subscript):
            names |= {name for element in target.slice for name in _entry_names(element)}
            target = target.value
    if names:
        return names  # `table[key] = value`, `del table[key]`: the value is not the entry's name
    call = _call(node)
    while call is not None:
        if call.args:
            names |= _entry_names(call.args[0].value)
        receiver = call.func.value if isinstance(call.func, cst.Attribute) else None
        while isinstance(receiver, cst.Subscript):
            names |= {name for element in receiver.slice for name in _entry_names(element)}
            receiver = receiver.value
        call = receiver if isinstance(receiver, cst.Call) else None
    return names


# -- statements in order --------------------------------------------------------------------------


def _steps(function: Function) -> List[_Step]:
    """The simple statements of ``function`` in source order (nested functions and classes left out)."""
    steps: List[_Step] = []
    # Fields read directly: libcst's ``children`` re-visits the node and costs several times more.
    pending: List[Tuple[cst.CSTNode, Tuple[cst.CSTNode, ...]]] = [(function.body, ())]
    while pending:
        node, chain = pending.pop()
        if isinstance(node, cst.SimpleStatementLine):
            steps.extend(_Step(small, chain + (node,)) for small in node.body)
        elif isinstance(node, cst.SimpleStatementSuite):
            steps.extend(_Step(small, chain + (node,)) for small in node.body)
        elif isinstance(node, cst.IndentedBlock):
            pending.extend((statement, chain) for statement in reversed(node.body))
        elif isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            continue
        elif isinstance(node, cst.BaseCompoundStatement) or isinstance(node, _ARMS):
            inner = chain + (node,)
            body = getattr(node, "body", None)  # `match` has only cases
            parts: List[cst.CSTNode] = [body] if body is not None else []
            parts.extend(getattr(node, "handlers", ()))
            for name in ("orelse", "finalbody"):
                part = getattr(node, name, None)
                if part is not None:
                    parts.append(part)
            parts.extend(case for case in getattr(node, "cases", ()))
            pending.extend((part, inner) for part in reversed(parts))
        elif isinstance(node, cst.MatchCase):
            pending.append((node.body, chain + (node,)))
    return steps


_ARMS = (cst.Else, cst.ExceptHandler, cst.ExceptStarHandler, cst.Finally)


def _in_cleanup(step: _Step) -> bool:
    return any(isinstance(node, (cst.Finally, cst.ExceptHandler, cst.ExceptStarHandler)) for node in step.chain)


def _cleaned_on_error(steps: Sequence[_Step], removes: Callable[[cst.BaseSmallStatement], bool]) -> bool:
    """A ``finally:`` or ``except`` block of the function already does the removal."""
    return any(_in_cleanup(step) and removes(step.node) for step in steps)


def _sequential(first: _Step, second: _Step) -> bool:
    """``second`` runs after ``first`` on the path that goes straight on: where their chains part,
    both sit in one block (not in two arms of an ``if`` or ``try``)."""
    shared = 0
    for a, b in zip(first.chain, second.chain):
        if a is not b:
            break
        shared += 1
    if shared >= len(first.chain) or shared >= len(second.chain):
        return False
    parent = first.chain[shared - 1] if shared else None
    return not _arm(parent, first.chain[shared]) and not _arm(parent, second.chain[shared])


def _arm(parent: Optional[cst.CSTNode], node: cst.CSTNode) -> bool:
    """``node`` is one branch of ``parent`` (an ``else``, a handler, an ``elif``), not a statement
    of its block."""
    if isinstance(node, (cst.Else, cst.ExceptHandler, cst.ExceptStarHandler, cst.Finally)):
        return True
    return isinstance(parent, cst.If) and parent.orelse is node


def _work(steps: Sequence[_Step], start: int, end: int, removal: _Step, table: str) -> List[_Step]:
    """The statements between ``start`` and ``end`` that can raise and, when they do, skip
    ``removal``: not inside a ``try:`` with handlers that ``removal`` follows."""
    found: List[_Step] = []
    for step in steps[start:end]:
        if _in_cleanup(step) or not _sequential(step, removal):
            continue
        if _added_table(step.node) == table or _removed_table(step.node) == table:
            continue
        if not _can_fail(step.node):
            continue
        if _caught_before(step, removal):
            continue
        found.append(step)
    return found


def _caught_before(step: _Step, removal: _Step) -> bool:
    """``step`` sits in the body of a ``try:`` with handlers, and ``removal`` comes after that ``try``."""
    for node in step.chain:
        if isinstance(node, cst.Try) and node.handlers and not any(n is node for n in removal.chain):
            return True
        if isinstance(node, cst.With) and not any(n is node for n in removal.chain):
            return True  # a context manager may swallow the error (contextlib.suppress)
    return False


def _can_fail(node: cst.CSTNode) -> bool:
    if isinstance(node, (cst.Return, cst.Raise, cst.Pass, cst.Break, cst.Continue)):
        return False
    for inner in walk(node):
        if isinstance(inner, (cst.Await, cst.Yield)):
            return True
        if isinstance(inner, cst.Call) and not _quiet(inner):
            return True
    return False


def _quiet(call: cst.Call) -> bool:
    func = call.func
    if isinstance(func, cst.Name):
        return func.value in _QUIET_CALLS
    if isinstance(func, cst.Attribute):
        receiver = dotted_name(func.value) or ""
        return receiver.rsplit(".", 1)[-1] in _LOG_RECEIVERS or func.attr.value in ("format", "join", "get")
    return False


# -- tables ---------------------------------------------------------------------------------------


def _root(expr: cst.BaseExpression) -> Optional[str]:
    """The table an expression reaches: ``self.subs`` for ``self.subs[channel]``."""
    while isinstance(expr, cst.Subscript):
        expr = expr.value
    return dotted_name(expr)


def _call(node: cst.BaseSmallStatement) -> Optional[cst.Call]:
    value: Optional[cst.BaseExpression] = None
    if isinstance(node, cst.Expr):
        value = node.value
    elif isinstance(node, (cst.Assign, cst.AnnAssign)) and node.value is not None:
        value = node.value
    if isinstance(value, cst.Await):
        value = value.expression
    return value if isinstance(value, cst.Call) else None


def _removed_table(node: cst.BaseSmallStatement) -> Optional[str]:
    if isinstance(node, cst.Del):
        targets = [e.value for e in node.target.elements] if isinstance(node.target, cst.Tuple) else [node.target]
        for target in targets:
            if isinstance(target, cst.Subscript):
                return _root(target.value)
        return None
    if isinstance(node, cst.Expr):
        call = _call(node)
        func = call.func if call is not None and call.args else None
        if isinstance(func, cst.Attribute) and func.attr.value in _TAKE_METHODS:
            return _root(func.value)
    return None


def _added_table(node: cst.BaseSmallStatement) -> Optional[str]:
    if isinstance(node, cst.Assign):
        for target in node.targets:
            if isinstance(target.target, cst.Subscript) and not _constant_key(target.target):
                return _root(target.target.value)
    call = _call(node)
    while call is not None and isinstance(call.func, cst.Attribute):
        # ``table.setdefault(key, []).append(item)``: the add reaches the table through the call
        if call.func.attr.value in _ADD_METHODS and call.args:
            receiver = call.func.value
            if isinstance(receiver, cst.Call) and isinstance(receiver.func, cst.Attribute):
                if receiver.func.attr.value == "setdefault":
                    return _root(receiver.func.value)
            if not isinstance(receiver, cst.Call):
                return _root(receiver)
        call = call.func.value if isinstance(call.func.value, cst.Call) else None
    return None


def _constant_key(subscript: cst.Subscript) -> bool:
    return all(
        isinstance(element.slice, cst.Index) and isinstance(element.slice.value, (cst.SimpleString, cst.Integer))
        for element in subscript.slice
    )


def _module_containers(module: cst.Module) -> Set[str]:
    """Names bound at module level to a display or a container constructor."""
    names: Set[str] = set()
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            targets, value = assignment_parts(small)
            if value is not None and _is_container(value):
                names.update(t.value for t in targets if isinstance(t, cst.Name))
    return names


def _is_container(value: cst.BaseExpression) -> bool:
    if isinstance(value, (cst.List, cst.Dict, cst.Set)):
        return True
    if isinstance(value, cst.Call):
        name = (dotted_name(value.func) or "").rsplit(".", 1)[-1]
        return name in ("dict", "list", "set", "defaultdict", "OrderedDict", "deque", "WeakValueDictionary")
    return False


def _class_attributes(klass: cst.ClassDef) -> Set[str]:
    names: Set[str] = set()
    for statement in klass.body.body:  # type: ignore[union-attr]
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign):
                    names.update(t.target.value for t in small.targets if isinstance(t.target, cst.Name))
                elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                    if small.value is not None:
                        names.add(small.target.value)
    return names


def _long_lived(table: str, class_attrs: Set[str], globals_: Set[str]) -> bool:
    parts = table.split(".")
    if len(parts) == 1:
        return table in globals_
    return parts[0] in ("self", "cls") or parts[0][:1].isupper() or _shared(table, class_attrs, globals_)


def _shared(table: str, class_attrs: Set[str], globals_: Set[str]) -> bool:
    """The table lives on a class or a module, not on one instance."""
    parts = table.split(".")
    if len(parts) == 1:
        return table in globals_
    if parts[0] == "cls" or parts[0][:1].isupper():
        return True
    return parts[0] == "self" and len(parts) == 2 and parts[1] in class_attrs


def _call_of_self_method(node: cst.BaseSmallStatement) -> Optional[str]:
    if not isinstance(node, cst.Expr):
        return None
    call = _call(node)
    if call is None or call.args or not isinstance(call.func, cst.Attribute):
        return None
    if isinstance(call.func.value, cst.Name) and call.func.value.value == "self":
        return call.func.attr.value
    return None


def _method(klass: cst.ClassDef, name: str) -> Optional[Function]:
    for statement in klass.body.body:  # type: ignore[union-attr]
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            return statement
    return None


def _self_removal(method: Function, class_attrs: Set[str], globals_: Set[str]) -> Optional[str]:
    """The table ``method`` takes this object's own entry out of: ``self``, or a key read from
    ``self``, removed from a table on the class, the module or an object ``self`` holds."""
    for step in _steps(method):
        if _in_cleanup(step):
            continue
        table = _removed_table(step.node)
        if table is None or not _long_lived(table, class_attrs, globals_):
            continue
        if any(isinstance(n, cst.Name) and n.value == "self" for n in walk(_removed_item(step.node))):
            return table
    return None


def _removed_item(node: cst.BaseSmallStatement) -> cst.CSTNode:
    if isinstance(node, cst.Del):
        target = node.target
        return target.slice[0] if isinstance(target, cst.Subscript) else target  # type: ignore[return-value]
    call = _call(node)
    return call.args[0] if call is not None and call.args else node


def _class_tables(klass: cst.ClassDef) -> Set[str]:
    """The tables the methods of the class add the object itself to (``Job.running.append(self)``,
    ``registry[key] = self``): its own registrations, not entries it keeps for other things."""
    tables: Set[str] = set()
    for statement in klass.body.body:  # type: ignore[union-attr]
        if isinstance(statement, cst.FunctionDef):
            for step in _steps(statement):
                table = _added_table(step.node)
                if table is not None and _adds_self(step.node):
                    tables.add(table)
    return tables


def _adds_self(node: cst.BaseSmallStatement) -> bool:
    """The value put in is ``self`` (or made from it: ``weakref.ref(self)``, ``(self, when)``)."""
    if isinstance(node, cst.Assign):
        values: List[cst.CSTNode] = [node.value]
    else:
        call = _call(node)
        values = [arg.value for arg in call.args] if call is not None else []
    return any(_bare_self(value) for value in values)


def _bare_self(node: cst.CSTNode) -> bool:
    if isinstance(node, cst.Name):
        return node.value == "self"
    if isinstance(node, cst.Call):
        return any(_bare_self(arg.value) for arg in node.args)
    if isinstance(node, (cst.Tuple, cst.List)):
        return any(_bare_self(element.value) for element in node.elements)
    return False
