"""Escape analysis for fixes: may a fix close a resource where its ``with`` block ends?

Only if nothing derived from the resource outlives that point. A value is *derived* when it keeps
reading from the resource: the resource itself, an alias, an iterator, a reader, a cursor, a member
file, a bound method, a generator or lambda that captures it, a tuple holding one of those
(``fixes/derived.py`` says which calls give which). A derived value *escapes* the block when it is

- returned, yielded or raised;
- stored: assigned to an attribute, a subscript, a ``global``/``nonlocal`` name, or (with
  ``bindings_escape``) to any name, because the block ends before the name's scope does;
- handed to a callable that may keep it: a storing method (``append``, ``register``, ``submit``...),
  a thread or task, or any callable leaklint does not model;
- captured by a nested function, lambda or class.

Anything the tables do not know counts as derived: when unsure, the caller offers no fix and
says why (the reason is a phrase in the code's own names).
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional, Set

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import target_names
from leaklint.analysis.ownership import BORROWERS, LAZY_BORROWERS, STORING_METHODS
from leaklint.analysis.walk import walk, walk_scope
from leaklint.fixes.derived import Outcome, attribute_outcome, call_outcome, method_outcome

# Calls that run their arguments later, in another thread, process or task.
ASYNCHRONOUS_CALLS = frozenset(
    {"threading.Thread", "threading.Timer", "asyncio.create_task", "asyncio.ensure_future", "asyncio.to_thread",
     "multiprocessing.Process", "_thread.start_new_thread"}
)
ASYNCHRONOUS_METHODS = frozenset(
    {"submit", "run_in_executor", "create_task", "call_soon", "call_soon_threadsafe", "call_later", "call_at",
     "apply_async", "map_async", "start_soon", "ensure_future", "spawn", "defer", "callLater"}
)
_BOOLEANISH = (cst.Comparison, cst.UnaryOperation)


def _shorten(code: str, limit: int = 50) -> str:
    code = " ".join(code.split())
    return code if len(code) <= limit else code[: limit - 3] + "..."


class EscapeCheck:
    """Tracks the resource (by name and/or by node) through a run of statements."""

    def __init__(
        self,
        context: FileContext,
        *,
        names: Iterable[str] = (),
        nodes: Iterable[cst.CSTNode] = (),
        shown: str = "it",
        bindings_escape: bool = False,
        borrows: Optional[Callable[[cst.Call], bool]] = None,
    ) -> None:
        self.context = context
        self.borrows = borrows  # a callee the caller knows does not keep what it is given
        self.names: Set[str] = set(names)
        self.node_ids: Set[int] = {id(n) for n in nodes}
        self.shown = shown  # how the resource is named in reasons: "`f`"
        self.bindings_escape = bindings_escape
        self.global_names: Set[str] = set()

    # -- the entry point ------------------------------------------------------------------------

    def escapes(self, statements: Iterable[cst.CSTNode]) -> Optional[str]:
        """Why something derived from the resource outlives ``statements``; None when nothing does."""
        statements = list(statements)
        scope = self.context.enclosing_scope(statements[0]) if statements else None
        for root in [scope] if scope is not None and not isinstance(scope, cst.Module) else statements:
            for node in walk_scope(root) if root is scope else walk(root):
                if isinstance(node, (cst.Global, cst.Nonlocal)):
                    self.global_names.update(item.name.value for item in node.names)
        # Derived names first (to a fixpoint: a loop may derive a name after its use), then uses.
        for _ in range(5):
            before = len(self.names)
            for statement in statements:
                self._bind(statement)
            if len(self.names) == before:
                break
        for statement in statements:
            reason = self._escape_in(statement)
            if reason is not None:
                return reason
        return None

    # -- what a value is --------------------------------------------------------------------------

    def _tracked(self, node: cst.CSTNode) -> bool:
        return id(node) in self.node_ids or (isinstance(node, cst.Name) and node.value in self.names)

    def _mentions(self, node: cst.CSTNode) -> bool:
        for n in walk(node):
            if not self._tracked(n):
                continue
            parent = self.context.parent(n)
            if isinstance(parent, cst.Attribute) and parent.attr is n:
                continue  # x.f is not the name f
            if isinstance(parent, cst.Arg) and parent.keyword is n:
                continue  # g(f=1)
            return True
        return False

    def keeps(self, expr: cst.CSTNode) -> bool:
        """Whether the value of ``expr`` keeps a reference to the resource (unknown: yes)."""
        if self._tracked(expr):
            return True
        if isinstance(expr, (cst.Name, cst.BaseNumber, cst.SimpleString, cst.ConcatenatedString)):
            return False
        if isinstance(expr, cst.FormattedString) or isinstance(expr, _BOOLEANISH):
            return False
        if isinstance(expr, cst.Call):
            return self._call_keeps(expr)
        if isinstance(expr, cst.Attribute):
            return self.keeps(expr.value) and attribute_outcome(expr.attr.value) is not Outcome.PLAIN
        if isinstance(expr, cst.Subscript):
            return self.keeps(expr.value)
        if isinstance(expr, (cst.Tuple, cst.List, cst.Set)):
            return any(self.keeps(element.value) for element in expr.elements)
        if isinstance(expr, cst.Dict):
            return any(
                self.keeps(element.value) or (isinstance(element, cst.DictElement) and self.keeps(element.key))
                for element in expr.elements
            )
        if isinstance(expr, (cst.ListComp, cst.SetComp)):
            return self.keeps(expr.elt)
        if isinstance(expr, cst.DictComp):
            return self.keeps(expr.key) or self.keeps(expr.value)
        if isinstance(expr, (cst.GeneratorExp, cst.Lambda)):
            return self._mentions(expr)  # runs later, with whatever it captured
        if isinstance(expr, cst.BooleanOperation):
            return self.keeps(expr.left) or self.keeps(expr.right)
        if isinstance(expr, cst.IfExp):
            return self.keeps(expr.body) or self.keeps(expr.orelse)
        if isinstance(expr, cst.BinaryOperation):
            if isinstance(expr.operator, cst.Modulo) and isinstance(expr.left, (cst.SimpleString, cst.ConcatenatedString)):
                return False  # "%s" % f: a new string
            return self.keeps(expr.left) or self.keeps(expr.right)
        if isinstance(expr, cst.Await):
            return self.keeps(expr.expression)  # (libcst names an await's operand `expression`)
        if isinstance(expr, (cst.NamedExpr, cst.StarredElement, cst.Element, cst.Arg)):
            return self.keeps(expr.value)
        return self._mentions(expr)

    def _call_keeps(self, call: cst.Call) -> bool:
        func = call.func
        if isinstance(func, cst.Attribute) and self.keeps(func.value):
            if any(arg.keyword is not None and arg.keyword.value == "stream" for arg in call.args):
                return True  # session.get(u, stream=True): the response reads through the session later
            return method_outcome(func.attr.value) is not Outcome.PLAIN
        if not (self.keeps(func) or any(self.keeps(arg.value) for arg in call.args)):
            return False
        if isinstance(func, cst.Attribute) and func.attr.value in ("join", "format") and isinstance(func.value, (cst.SimpleString, cst.ConcatenatedString)):
            return False  # "".join(...) consumes its argument at once; "{}".format(f) renders it
        qualified = self.context.qualified_name(func)
        if qualified in LAZY_BORROWERS:
            return True
        if qualified in BORROWERS and call_outcome(qualified) is not Outcome.DERIVED:
            return False
        return call_outcome(qualified) is not Outcome.PLAIN

    # -- derived names ------------------------------------------------------------------------------

    def _bind(self, statement: cst.CSTNode) -> None:
        for node in walk(statement):
            if isinstance(node, cst.Assign):
                if self.keeps(node.value):
                    for target in node.targets:
                        self.names.update(target_names(target.target))
            elif isinstance(node, (cst.AnnAssign, cst.AugAssign)):
                if node.value is not None and self.keeps(node.value):
                    self.names.update(target_names(node.target))
            elif isinstance(node, cst.NamedExpr):
                if self.keeps(node.value):
                    self.names.update(target_names(node.target))
            elif isinstance(node, cst.WithItem):
                if node.asname is not None and self.keeps(node.item):
                    self.names.update(target_names(node.asname.name))  # type: ignore[arg-type]
            elif isinstance(node, (cst.For, cst.CompFor)):
                # Iterating a derived iterable that yields derived values (``for m in
                # tar.getmembers()`` yields plain TarInfo; ``for r in cursors`` would not).
                if isinstance(node.iter, (cst.List, cst.Tuple)) and self.keeps(node.iter):
                    self.names.update(target_names(node.target))

    # -- where values go ------------------------------------------------------------------------

    def _escape_in(self, statement: cst.CSTNode) -> Optional[str]:
        first: Optional[str] = None
        for node in walk(statement):
            reason = self._escape_at(node)
            if reason is not None and isinstance(node, cst.Call):
                return reason  # the call that takes it is the cause; a binding of its result is not
            first = first or reason
        return first

    def _escape_at(self, node: cst.CSTNode) -> Optional[str]:
        code = lambda n: f"`{_shorten(self.context.code(n))}`"  # noqa: E731
        if isinstance(node, cst.Return) and node.value is not None and self.keeps(node.value):
            return f"{code(node.value)} is returned and still uses {self.shown}"
        if isinstance(node, cst.Yield) and node.value is not None and not isinstance(node.value, cst.From):
            if self.keeps(node.value):
                return f"{code(node.value)} is yielded and still uses {self.shown}"
        if isinstance(node, cst.Yield) and isinstance(node.value, cst.From) and self.keeps(node.value.item):
            return f"{code(node.value.item)} is yielded from and still uses {self.shown}"
        if isinstance(node, cst.Raise) and node.exc is not None and self.keeps(node.exc):
            return f"the exception {code(node.exc)} keeps {self.shown}"
        if isinstance(node, (cst.Assign, cst.AnnAssign, cst.AugAssign)) and node.value is not None:
            if self.keeps(node.value):
                targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
                for target in targets:
                    reason = self._stored(target, node.value)
                    if reason is not None:
                        return reason
        if isinstance(node, cst.Call):
            return self._handed_on(node)
        # A lambda or generator expression is a value like any other: it escapes when it is returned,
        # stored or handed on (checked above through ``keeps``). A nested def or class binds a name
        # this analysis does not follow: capturing the resource there counts as escaping.
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and self._captures(node):
            return f"`{node.name.value}` captures {self.shown} and may run after the block"
        return None

    def _captures(self, node: cst.CSTNode) -> bool:
        return self._mentions(node)

    def _stored(self, target: cst.BaseExpression, value: cst.BaseExpression) -> Optional[str]:
        shown = f"`{_shorten(self.context.code(target))}`"
        if isinstance(target, (cst.Attribute, cst.Subscript)):
            return f"it is stored in {shown} and still uses {self.shown}"
        names = list(target_names(target))
        for name in names:
            if name in self.global_names:
                return f"it is stored in the global `{name}` and still uses {self.shown}"
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                reason = self._stored(element.value, value)
                if reason is not None:
                    return reason
        if self.bindings_escape and names:
            return f"`{names[0]}` = `{_shorten(self.context.code(value))}` outlives the block and still uses {self.shown}"
        return None

    def _handed_on(self, call: cst.Call) -> Optional[str]:
        given = [arg for arg in call.args if self.keeps(arg.value)]
        if not given:
            return None
        func = call.func
        shown = _shorten(self.context.code(func))
        qualified = self.context.qualified_name(func)
        if qualified in ASYNCHRONOUS_CALLS or (
            isinstance(func, cst.Attribute) and func.attr.value in ASYNCHRONOUS_METHODS and not self.keeps(func.value)
        ):
            return f"it is handed to asynchronous work (`{shown}()`), which may use it after the block"
        if isinstance(func, cst.Attribute):
            if self.keeps(func.value):
                return None  # conn.execute(q, params): stays with the resource
            if func.attr.value in STORING_METHODS:
                return f"it is handed to `{_shorten(self.context.code(func))}()`, which keeps it"
            if func.attr.value in ("join", "format") and isinstance(func.value, (cst.SimpleString, cst.ConcatenatedString)):
                return None
        if qualified == "asyncio.set_event_loop":
            return "it is installed as the thread's current loop by `asyncio.set_event_loop()`, which keeps it after the block"
        if call_outcome(qualified) is not Outcome.UNKNOWN or qualified in BORROWERS:
            return None  # print(file=f), json.dump(x, f), map(..., f): known not to keep it
        if self.borrows is not None and self.borrows(call):
            return None  # a function of this module that only uses it
        return (
            f"it is handed to `{_shorten(self.context.code(func))}()`, which leaklint does not know: "
            "it may keep it (a logger, a background transfer, a wrapper)"
        )


def escape_reason(
    context: FileContext,
    statements: Iterable[cst.CSTNode],
    *,
    names: Iterable[str] = (),
    nodes: Iterable[cst.CSTNode] = (),
    shown: str = "it",
    bindings_escape: bool = False,
    borrows: Optional[Callable[[cst.Call], bool]] = None,
) -> Optional[str]:
    """Why closing the resource after ``statements`` would break something; None when it is safe."""
    check = EscapeCheck(context, names=names, nodes=nodes, shown=shown, bindings_escape=bindings_escape, borrows=borrows)
    return check.escapes(statements)


def with_body_escape(context: FileContext, statement: cst.With, name: str) -> Optional[str]:
    """Why closing ``name`` where ``statement`` (a ``with`` that binds it) ends would break
    something: a value derived from it escapes the body, or is used after the block."""
    check = EscapeCheck(context, names=(name,), shown=f"`{name}`")
    reason = check.escapes([statement.body])
    if reason is not None:
        return reason
    derived = check.names - {name}
    if not derived:
        return None
    block = context.parent(statement)
    body = getattr(block, "body", ())
    after = False
    for sibling in body if isinstance(body, (list, tuple)) else ():
        if sibling is statement:
            after = True
            continue
        if after:
            for node in walk(sibling):
                if isinstance(node, cst.Name) and node.value in derived:
                    return f"`{node.value}` is used after the block and still uses `{name}`"
    return None


__all__: List[str] = ["EscapeCheck", "escape_reason", "with_body_escape"]
