"""A control-flow graph over one function's (or the module's) statements, with exception edges.

Nodes are statements, not basic blocks: a small statement (``x = f()``, ``return x``), or the
part of a compound statement that runs on its own (the test of an ``if``/``while``, a ``for``
loop's iterable and its step, entering a ``with``, matching an ``except``). Each node has normal
successors and, when it may raise, an exception successor: the innermost ``except`` dispatch, a
copy of the enclosing ``finally:`` block, or the function's exception exit.

A ``yield`` statement is also a way out: the generator is suspended there, and when its
consumer closes or drops it (or a ``@contextmanager``'s ``with`` body raises) an exception is
thrown in at that point. Such nodes carry ``suspends``; their exception edge is that path.

``finally:`` blocks are copied once per way of leaving the ``try`` that actually occurs (falling
through, ``return``, ``break``, ``continue``, an exception), so a path through a ``finally``
resumes where it came from; one libcst statement can therefore stand for several graph nodes.

Graphs are built on demand (``ControlFlowGraph.build``) for the few functions that acquire
something; a file without candidates never builds one. Nothing here walks below statement level
except ``may_raise``, which looks at one statement's own expressions.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple, Union

import libcst as cst

from leaklint.analysis.walk import children

# Node kinds.
ENTRY = "entry"
EXIT = "exit"  # the function returns (or the module ends) normally
RAISE = "raise"  # an exception leaves the function
STATEMENT = "statement"  # a small statement
TEST = "test"  # the test of an `if` / `while` (successors: [true, false])
ITER = "iter"  # a `for` loop's iterable, evaluated once
STEP = "step"  # a `for` loop takes its next item (successors: [body, loop done])
ENTER = "enter"  # a `with` statement's items are evaluated and entered
LEAVE = "leave"  # a `with` block is left normally (``__exit__`` runs)
DISPATCH = "dispatch"  # an exception reaches a `try` with handlers
HANDLER = "handler"  # an `except` clause matches and binds its name
JOIN = "join"  # a no-op placeholder (loop heads, the end of a `try`)

Scope = Union[cst.FunctionDef, cst.Module]


@dataclass(eq=False)
class Node:
    index: int
    kind: str
    statement: Optional[cst.CSTNode] = None
    successors: List[int] = field(default_factory=list)
    exception: Optional[int] = None  # where an exception raised here goes
    explicit_raise: bool = False  # a `raise` statement: it always takes the exception edge
    # A `yield` statement: the generator is suspended here, and whatever its consumer does next
    # arrives as an exception thrown in at this point (`GeneratorExit` when the generator is
    # closed or dropped, the `with` body's exception under `@contextmanager`).
    suspends: bool = False

    def __repr__(self) -> str:
        label = type(self.statement).__name__ if self.statement is not None else ""
        return f"<{self.index} {self.kind} {label} -> {self.successors} !{self.exception}>"


@dataclass
class _Targets:
    """Where control goes from inside the block being built."""

    exception: int
    on_return: Callable[[], int]
    on_break: Optional[Callable[[], int]] = None
    on_continue: Optional[Callable[[], int]] = None


class ControlFlowGraph:
    """Statement-level control flow of one scope. ``entry``, ``exit`` and ``raise_exit`` are the
    indices of the three special nodes; ``nodes_for(statement)`` maps libcst nodes to graph nodes."""

    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.nodes: List[Node] = []
        self._by_statement: Dict[int, List[int]] = {}
        self.entry = self._new(ENTRY)
        self.exit = self._new(EXIT)
        self.raise_exit = self._new(RAISE)

    @classmethod
    def build(cls, scope: Scope) -> "ControlFlowGraph":
        graph = cls(scope)
        body: Sequence[cst.BaseStatement]
        if isinstance(scope, cst.Module):
            body = scope.body
        else:  # an indented block, or `def f(): return 1`
            body = scope.body.body
        targets = _Targets(exception=graph.raise_exit, on_return=lambda: graph.exit)
        first = graph._block(body, graph.exit, targets)
        graph.nodes[graph.entry].successors.append(first)
        return graph

    # -- queries ------------------------------------------------------------------------------

    def nodes_for(self, statement: cst.CSTNode) -> List[Node]:
        return [self.nodes[i] for i in self._by_statement.get(id(statement), ())]

    def node_of(self, expression: cst.CSTNode, parents: Callable[[cst.CSTNode], Optional[cst.CSTNode]]) -> List[Node]:
        """The graph nodes of the statement (or statement part) that evaluates ``expression``."""
        current: Optional[cst.CSTNode] = expression
        while current is not None:
            found = self._by_statement.get(id(current))
            if found:
                return [self.nodes[i] for i in found]
            current = parents(current)
        return []

    def successors(self, index: int) -> Iterator[Tuple[int, bool]]:
        """(successor, is_exception_edge) pairs."""
        node = self.nodes[index]
        for successor in node.successors:
            yield successor, False
        if node.exception is not None:
            yield node.exception, True

    def reachable(self, start: int) -> List[int]:
        seen = {start}
        order = [start]
        for index in order:
            for successor, _ in self.successors(index):
                if successor not in seen:
                    seen.add(successor)
                    order.append(successor)
        return order

    # -- building (backwards: each statement is built knowing its successor) -------------------

    def _new(self, kind: str, statement: Optional[cst.CSTNode] = None, key: Optional[cst.CSTNode] = None) -> int:
        index = len(self.nodes)
        self.nodes.append(Node(index, kind, statement))
        keyed = key if key is not None else statement
        if keyed is not None:
            self._by_statement.setdefault(id(keyed), []).append(index)
        return index

    def _block(self, statements: Sequence[cst.CSTNode], after: int, targets: _Targets) -> int:
        following = after
        for statement in reversed(statements):
            following = self._statement(statement, following, targets)
        return following

    def _suite(self, suite: cst.BaseSuite, after: int, targets: _Targets) -> int:
        if isinstance(suite, cst.IndentedBlock):
            return self._block(suite.body, after, targets)
        assert isinstance(suite, cst.SimpleStatementSuite)
        return self._block(suite.body, after, targets)

    def _statement(self, statement: cst.CSTNode, after: int, targets: _Targets) -> int:
        if isinstance(statement, cst.SimpleStatementLine):
            return self._block(statement.body, after, targets)
        if isinstance(statement, cst.BaseSmallStatement):
            return self._small(statement, after, targets)
        if isinstance(statement, cst.If):
            return self._if(statement, after, targets)
        if isinstance(statement, cst.While):
            return self._while(statement, after, targets)
        if isinstance(statement, cst.For):
            return self._for(statement, after, targets)
        if isinstance(statement, cst.With):
            return self._with(statement, after, targets)
        if isinstance(statement, (cst.Try, cst.TryStar)):
            return self._try(statement, after, targets)
        if isinstance(statement, cst.Match):
            return self._match(statement, after, targets)
        # def, class: binding a name; decorators and defaults may raise
        index = self._new(STATEMENT, statement)
        node = self.nodes[index]
        node.successors.append(after)
        if may_raise(statement, shallow=True):
            node.exception = targets.exception
        return index

    def _small(self, statement: cst.BaseSmallStatement, after: int, targets: _Targets) -> int:
        index = self._new(STATEMENT, statement)
        node = self.nodes[index]
        if isinstance(statement, cst.Return):
            node.successors.append(targets.on_return())
        elif isinstance(statement, cst.Raise):
            # `raise X(...)` starts a new exception; a bare `raise` passes one on (from elsewhere)
            node.explicit_raise = statement.exc is not None
            node.exception = targets.exception
            return index
        elif isinstance(statement, cst.Break) and targets.on_break is not None:
            node.successors.append(targets.on_break())
        elif isinstance(statement, cst.Continue) and targets.on_continue is not None:
            node.successors.append(targets.on_continue())
        elif _ends_process(statement):
            pass  # `os._exit(1)` / `os.execv(...)`: nothing after it runs in this process
        else:
            node.successors.append(after)
        if isinstance(statement, cst.AnnAssign) and statement.value is None:
            return index  # `x: int` evaluates nothing inside a function
        if isinstance(getattr(statement, "value", None), cst.Yield):
            node.suspends = True  # `yield x`, `value = yield`, `total += yield`
        if may_raise(statement):
            node.exception = targets.exception
        return index

    def _if(self, statement: cst.If, after: int, targets: _Targets) -> int:
        test = self._new(TEST, statement, key=statement.test)
        body = self._suite(statement.body, after, targets)
        orelse = statement.orelse
        if orelse is None:
            otherwise = after
        elif isinstance(orelse, cst.If):
            otherwise = self._if(orelse, after, targets)
        else:
            otherwise = self._suite(orelse.body, after, targets)
        node = self.nodes[test]
        node.successors.extend((body, otherwise))
        if may_raise(statement.test):
            node.exception = targets.exception
        return test

    def _loop_targets(self, targets: _Targets, head: int, after: int) -> _Targets:
        return _Targets(targets.exception, targets.on_return, lambda: after, lambda: head)

    def _while(self, statement: cst.While, after: int, targets: _Targets) -> int:
        test = self._new(TEST, statement, key=statement.test)
        otherwise = self._suite(statement.orelse.body, after, targets) if statement.orelse else after
        body = self._suite(statement.body, test, self._loop_targets(targets, test, after))
        node = self.nodes[test]
        if _always_true(statement.test):
            node.successors.extend((body,))
        else:
            node.successors.extend((body, otherwise))
        if may_raise(statement.test):
            node.exception = targets.exception
        return test

    def _for(self, statement: cst.For, after: int, targets: _Targets) -> int:
        iterate = self._new(ITER, statement.iter)
        step = self._new(STEP, statement, key=statement.target)
        otherwise = self._suite(statement.orelse.body, after, targets) if statement.orelse else after
        body = self._suite(statement.body, step, self._loop_targets(targets, step, after))
        self.nodes[step].successors.extend((body, otherwise))
        self.nodes[step].exception = targets.exception  # next() on the iterator may raise
        self.nodes[iterate].successors.append(step)
        if may_raise(statement.iter):
            self.nodes[iterate].exception = targets.exception
        return iterate

    def _with(self, statement: cst.With, after: int, targets: _Targets) -> int:
        enter = self._new(ENTER, statement)
        # Leaving the block runs __exit__ on every way out; it may also swallow an exception,
        # which we ignore (most context managers do not) except for `contextlib.suppress`, whose
        # whole point it is. One LEAVE node per way out keeps paths apart: normal exit,
        # exception, return, break, continue.
        suppresses = _suppresses(statement)
        leave_normal = self._leave(statement, after, targets)
        leave_exceptional = self._leave(statement, None, targets, exceptional=True)
        if suppresses:
            self.nodes[leave_exceptional].successors.append(after)
        inner = _Targets(
            exception=leave_exceptional,
            on_return=_lazy(lambda: self._leave(statement, targets.on_return(), targets)),
            on_break=_lazy(lambda: self._leave(statement, targets.on_break(), targets)) if targets.on_break else None,
            on_continue=_lazy(lambda: self._leave(statement, targets.on_continue(), targets)) if targets.on_continue else None,
        )
        body = self._suite(statement.body, leave_normal, inner)
        node = self.nodes[enter]
        node.successors.append(body)
        if not suppresses:  # making a suppress() of exception classes does not raise
            node.exception = targets.exception
        return enter

    def _leave(self, statement: cst.With, after: Optional[int], targets: _Targets, exceptional: bool = False) -> int:
        index = self._new(LEAVE, None)
        node = self.nodes[index]
        if exceptional:
            node.exception = targets.exception
            node.explicit_raise = False
        else:
            # Leaving normally: `__exit__` could raise, but a path that only leaks when a
            # context manager's exit fails is not worth a report.
            assert after is not None
            node.successors.append(after)
        node.statement = statement
        return index

    def _try(self, statement: Union[cst.Try, cst.TryStar], after: int, targets: _Targets) -> int:
        final = statement.finalbody
        outer = targets
        if final is not None:
            # Each way out of the try goes through its own copy of the finally block.
            def through_finally(target: Callable[[], int]) -> Callable[[], int]:
                return _lazy(lambda: self._suite(final.body, target(), outer))

            exception_copy = _lazy(lambda: self._raise_through(final, outer))
            after_try = self._suite(final.body, after, outer)
            inside = _Targets(
                exception=-1,  # set below, lazily built
                on_return=through_finally(outer.on_return),
                on_break=through_finally(outer.on_break) if outer.on_break else None,
                on_continue=through_finally(outer.on_continue) if outer.on_continue else None,
            )
            inside.exception = exception_copy()
        else:
            after_try = after
            inside = outer
        handlers = statement.handlers
        if handlers:
            dispatch = self._new(DISPATCH, None)
            body_targets = _Targets(dispatch, inside.on_return, inside.on_break, inside.on_continue)
        else:
            dispatch = -1
            body_targets = inside
        orelse = self._suite(statement.orelse.body, after_try, inside) if statement.orelse is not None else after_try
        body_start = len(self.nodes)
        body = self._suite(statement.body, orelse, body_targets)
        body_end = len(self.nodes)
        if handlers:
            node = self.nodes[dispatch]
            catches_all = False
            matched_by: List[Tuple[cst.ExceptHandler, int]] = []
            for handler in handlers:
                matched = self._new(HANDLER, handler)
                if isinstance(handler, cst.ExceptHandler):
                    matched_by.append((handler, matched))
                handler_body = self._suite(handler.body, after_try, inside)
                self.nodes[matched].successors.append(handler_body)
                if handler.type is not None and not _names_classes(handler.type) and may_raise(handler.type):
                    self.nodes[matched].exception = inside.exception
                node.successors.append(matched)
                catches_all = catches_all or _catches_everything(handler)
            if not catches_all:
                node.exception = inside.exception
            if isinstance(statement, cst.Try):
                self._route_known_raises(range(body_start, body_end), dispatch, matched_by)
        return body

    def _route_known_raises(self, indices: range, dispatch: int, handlers: List[Tuple[cst.ExceptHandler, int]]) -> None:
        """``raise TimeoutError(...)`` inside ``try: ... except OSError:`` goes to that handler
        only: a builtin exception class is caught by the first handler naming one of its bases,
        not by the handlers before it and never by the code after the ``try``."""
        for index in indices:
            node = self.nodes[index]
            if node.exception != dispatch or not node.explicit_raise or not isinstance(node.statement, cst.Raise):
                continue
            raised = _builtin_exception(node.statement.exc)
            if raised is None:
                continue
            for handler, matched in handlers:
                catches = _handler_catches(handler, raised)
                if catches is None:
                    break  # a name we cannot resolve may be an alias of a builtin: keep every edge
                if catches:
                    node.exception = matched
                    break

    def _raise_through(self, final: cst.Finally, outer: _Targets) -> int:
        """A copy of the finally block that re-raises at its end."""
        reraise = self._new(JOIN, None)
        self.nodes[reraise].exception = outer.exception
        self.nodes[reraise].explicit_raise = False
        return self._suite(final.body, reraise, outer)

    def _match(self, statement: cst.Match, after: int, targets: _Targets) -> int:
        test = self._new(TEST, statement, key=statement.subject)
        node = self.nodes[test]
        for case in statement.cases:
            node.successors.append(self._suite(case.body, after, targets))
        node.successors.append(after)
        node.exception = targets.exception
        return test


def _names_classes(expression: cst.BaseExpression) -> bool:
    """``except socket.error:`` or ``except (a.B, C):``: looking up dotted names of exception
    classes does not fail in practice, so matching the clause is not an exception path."""
    elements = [e.value for e in expression.elements] if isinstance(expression, cst.Tuple) else [expression]
    for element in elements:
        while isinstance(element, cst.Attribute):
            element = element.value
        if not isinstance(element, cst.Name):
            return False
    return True


# `socket.error` and `socket.timeout` are the old names of OSError and TimeoutError.
_MODULE_ALIASES = {("socket", "error"): OSError, ("socket", "timeout"): TimeoutError}


def _builtin_exception(expression: Optional[cst.BaseExpression]) -> Optional[type]:
    """The builtin exception class that ``raise <expression>`` raises, when it is one. The name
    is read as the builtin even where the module binds it to something else (``from asyncio
    import TimeoutError`` on Python < 3.11): a known limit, which can only hide a path."""
    if isinstance(expression, cst.Call):
        expression = expression.func
    if isinstance(expression, cst.Name):
        value = getattr(builtins, expression.value, None)
        return value if isinstance(value, type) and issubclass(value, BaseException) else None
    if isinstance(expression, cst.Attribute) and isinstance(expression.value, cst.Name):
        return _MODULE_ALIASES.get((expression.value.value, expression.attr.value))
    return None


def _handler_catches(handler: cst.ExceptHandler, raised: type) -> Optional[bool]:
    """Whether ``handler`` catches ``raised``; None when one of its names is not a known builtin."""
    if handler.type is None:
        return True
    kinds = handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type]
    unknown = False
    for element in kinds:
        caught = _builtin_exception(element.value if isinstance(element, cst.Element) else element)
        if caught is None:
            unknown = True
        elif issubclass(raised, caught):
            return True
    return None if unknown else False


def _lazy(build: Callable[[], int]) -> Callable[[], int]:
    """Build a target once, on first use (a `finally` copy only for exits that occur)."""
    cache: List[int] = []

    def get() -> int:
        if not cache:
            cache.append(build())
        return cache[0]

    return get


def _always_true(test: cst.BaseExpression) -> bool:
    if isinstance(test, cst.Name):
        return test.value == "True"
    if isinstance(test, cst.Integer):
        return test.value not in ("0",)
    return False


def _catches_everything(handler: Union[cst.ExceptHandler, cst.ExceptStarHandler]) -> bool:
    """``except:``, ``except BaseException:`` and ``except Exception:``: for the resources and
    threads we track, KeyboardInterrupt and SystemExit are not worth a path of their own."""
    kind = handler.type
    if kind is None:
        return True
    names = kind.elements if isinstance(kind, cst.Tuple) else [kind]
    for element in names:
        value = element.value if isinstance(element, cst.Element) else element
        if isinstance(value, cst.Name) and value.value in ("Exception", "BaseException"):
            return True
    return False


def _suppresses(statement: cst.With) -> bool:
    """``with contextlib.suppress(E, ...):`` (or ``suppress`` imported by name), alone, over
    exception classes named plainly: entering cannot raise, and an exception of the body may end
    the block as if it had finished (the analysis keeps the exception edge too, for the classes
    it does not suppress)."""
    if len(statement.items) != 1:
        return False
    call = statement.items[0].item
    if not isinstance(call, cst.Call) or not call.args:
        return False
    func = call.func
    named_suppress = (isinstance(func, cst.Name) and func.value == "suppress") or (
        isinstance(func, cst.Attribute)
        and func.attr.value == "suppress"
        and isinstance(func.value, cst.Name)
        and func.value.value == "contextlib"
    )
    return named_suppress and all(
        arg.star == "" and arg.keyword is None and isinstance(arg.value, (cst.Name, cst.Attribute)) for arg in call.args
    )


# Nodes that never raise on their own (names may be unbound, which we do not model).
_QUIET_TYPES = frozenset({
    cst.Name, cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis,
    cst.Element, cst.Tuple, cst.List, cst.Set, cst.Dict, cst.DictElement, cst.AssignTarget,
    cst.Assign, cst.AnnAssign, cst.Annotation, cst.Return, cst.Expr, cst.Pass, cst.Break, cst.Continue,
    cst.Global, cst.Nonlocal, cst.NameItem, cst.BooleanOperation, cst.IfExp, cst.AsName,
})
_SKIP_INSIDE = frozenset({cst.Lambda, cst.FunctionDef, cst.ClassDef})


def may_raise(node: cst.CSTNode, shallow: bool = False) -> bool:
    """Whether evaluating ``node`` can raise: calls, attribute and item access, arithmetic,
    ``await``/``yield`` (the awaited or the consumer can throw in), ``assert``, ``del``, imports.
    Name and constant assignments, ``is`` tests, ``not``, ``pass``/``break``/``continue`` cannot
    (we do not model unbound names). ``shallow`` looks at a def/class header only."""
    if shallow:
        if isinstance(node, cst.FunctionDef):
            return bool(node.decorators)
        if isinstance(node, cst.ClassDef):
            return bool(node.decorators or node.bases or node.keywords)
        return True
    stack: List[cst.CSTNode] = [node]
    while stack:
        inner = stack.pop()
        kind = type(inner)
        if kind in _SKIP_INSIDE and inner is not node:
            continue  # defined here, not run here
        if kind is cst.Comparison:
            if not all(isinstance(t.operator, (cst.Is, cst.IsNot)) for t in inner.comparisons):  # type: ignore[attr-defined]
                return True
        elif kind is cst.UnaryOperation:
            if not isinstance(inner.operator, cst.Not):  # type: ignore[attr-defined]
                return True
        elif kind is cst.Call and _closes_a_descriptor(inner):  # type: ignore[arg-type]
            continue
        elif kind not in _QUIET_TYPES and kind is not cst.ComparisonTarget:
            return True
        stack.extend(children(inner))
    return False


def _closes_a_descriptor(call: cst.Call) -> bool:
    """``os.close(fd)``: closing another descriptor between an acquisition and its release is
    not worth an exception path (it fails only on a descriptor that is already bad)."""
    func = call.func
    return (
        isinstance(func, cst.Attribute)
        and func.attr.value == "close"
        and isinstance(func.value, cst.Name)
        and func.value.value == "os"
        and len(call.args) == 1
        and isinstance(call.args[0].value, cst.Name)
    )


# `os._exit()` ends the process, `os.exec*()` replaces it (when it fails it raises: the
# exception edge stays): a forked child's branch never falls through to the parent's code.
_PROCESS_ENDS = frozenset({"_exit", "execv", "execve", "execvp", "execvpe", "execl", "execle", "execlp", "execlpe"})


def _ends_process(statement: cst.BaseSmallStatement) -> bool:
    return isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call) and ends_process(statement.value)


def ends_process(call: cst.Call) -> bool:
    """``os._exit(...)`` or ``os.execv(...)`` (any ``os.exec*``)."""
    func = call.func
    return (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == "os"
        and func.attr.value in _PROCESS_ENDS
    )
