"""LKL312: clean-up in a coroutine that ``asyncio.CancelledError`` skips: an ``except
Exception:`` handler that cleans up and re-raises, and ``task.cancel(); await task`` with more
clean-up after it. Since Python 3.8 ``CancelledError`` is a ``BaseException``."""

from __future__ import annotations

from typing import Iterator, List, Optional, Sequence, Set

import libcst as cst

from leaklint.analysis.names import dotted_name
from leaklint.analysis.quote import shortened_code
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

# What a handler catches that lets cancellation in (or a finally that runs anyway).
_CATCHES_CANCELLATION = frozenset({"BaseException", "CancelledError", "Cancelled", "GeneratorExit"})
# Calls that report rather than clean up: skipping them on cancellation loses nothing.
_REPORTING = frozenset({
    "print", "warn", "print_exc", "format_exc", "exception", "debug", "info", "warning", "error",
    "critical", "log", "fail", "set_exception", "capture_exception", "add_note",
})


class CleanupSkippedOnCancellation(Rule):
    """
    ## What it does
    Flags clean-up in an `async def` that a cancellation skips:
    - an `except Exception:` handler of a `try:` whose body awaits, when the handler cleans up
      (calls something that is not logging: `protocol.fail_connection()`, `await
      self.session.close()`) and then raises again, and nothing else in the function (a handler
      for `BaseException` or `asyncio.CancelledError`, a `finally:`) runs on cancellation;
    - `task.cancel()` followed at once by `await task`, outside any handler of
      `asyncio.CancelledError`, when more clean-up follows in the function: awaiting the task
      just cancelled raises `CancelledError` there, and the statements after it never run.

    ## Why is this bad?
    Since Python 3.8 `asyncio.CancelledError` is a `BaseException`, not an `Exception`. A
    timeout (`asyncio.wait_for`, `asyncio.timeout`), a caller that gives up, or a shutdown
    cancels the coroutine at its `await`, and `except Exception:` lets that through: the
    connection the handler would have failed and closed stays open, one socket per cancelled
    attempt. The handler says what must happen on failure; cancellation is the most common
    failure of a coroutine that waits on the network. Likewise `await task` after
    `task.cancel()` raises the task's `CancelledError` in the awaiting coroutine (unless the task
    swallows it), so a `close()` that cancels its tasks one after the other stops at the first
    and leaves the rest running, with the sockets they use.

    ## Known problems
    Only handlers that name `Exception` and whose last statement is a `raise` are read (a handler
    that goes on has other intentions); the clean-up must be a call of its own in the handler,
    not under an `if`. A `finally:` or a handler for `BaseException`/`CancelledError` around
    the `try:` in the same function is taken to clean up. A task whose coroutine (a method of
    the class or a function of the module) catches `CancelledError` itself and returns is
    not reported for the second shape. Code that runs only on Python 3.7 or older, where
    `CancelledError` was an `Exception`, is reported too.

    ## References
    - Python documentation, `asyncio.CancelledError` ("Changed in version 3.8: CancelledError is
      now a subclass of BaseException rather than Exception") and `Task.cancel`.
    - ruff, pylint, flake8-bugbear: none. Related: LKL309 (a task left out of a class's
      cancellation), LKL302 (resources not released on every path).
    """

    code = "LKL312"
    name = "cleanup-skipped-on-cancellation"
    message = "clean-up in a coroutine is skipped when the coroutine is cancelled"
    trigger_names = ("await",)
    examples = (
        Bad(
            "async def connect(open_connection, handshake):\n"
            "    transport, protocol = await open_connection()\n"
            "    try:\n"
            "        await handshake(protocol)\n"
            "    except Exception:\n"
            "        transport.close()\n"
            "        raise\n"
            "    return protocol\n"
        ),
        Good(
            "import asyncio\n\n\n"
            "async def connect(open_connection, handshake):\n"
            "    transport, protocol = await open_connection()\n"
            "    try:\n"
            "        await handshake(protocol)\n"
            "    except (Exception, asyncio.CancelledError):\n"
            "        transport.close()\n"
            "        raise\n"
            "    return protocol\n"
        ),
    )

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if node.asynchronous is None:
            return
        for inner in walk_scope(node):
            if isinstance(inner, cst.Try):
                self._check_handlers(inner, node)
            elif isinstance(inner, cst.IndentedBlock):
                self._check_cancel_then_await(inner, node)

    # -- `except Exception:` that cleans up and raises again ---------------------------------------

    def _check_handlers(self, node: cst.Try, function: cst.FunctionDef) -> None:
        if node.finalbody is not None or any(_catches_cancellation(h) for h in node.handlers):
            return
        if not _awaits(node.body) or self._guarded_around(node, function):
            return
        made: Optional[Set[str]] = None
        for handler in node.handlers:
            if not _names_exception(handler):
                continue
            body = list(handler.body.body) if isinstance(handler.body, cst.IndentedBlock) else []
            if not body or not _ends_with_raise(body[-1]):
                continue
            if made is None:
                made = _made_in(function)
            cleanup = next((call for call in _statement_calls(body[:-1]) if _cleans_up(call, made)), None)
            if cleanup is None:
                continue
            shown = shortened_code(self.context.code(cleanup))
            caught = shortened_code(self.context.code(handler.type)) if handler.type is not None else "Exception"
            self.report(
                handler,
                f"`except {caught}:` does not catch `asyncio.CancelledError` (a `BaseException` since Python 3.8): "
                f"when an `await` in the `try:` is cancelled (a timeout, a caller giving up), `{shown}` is skipped "
                "and what it would release stays open",
                suggestion=f"catch the cancellation too: `except ({caught}, asyncio.CancelledError):` (the handler "
                "raises again), or `except BaseException:`",
                confidence=Confidence.MEDIUM,
            )
            return

    def _guarded_around(self, node: cst.CSTNode, function: cst.FunctionDef) -> bool:
        """A ``try:`` of the same function around ``node`` with a ``finally:`` or a handler that
        catches cancellation: it may clean up on that path."""
        child = node
        parent = self.context.parent(node)
        while parent is not None and parent is not function:
            if isinstance(parent, cst.Try) and child is parent.body:
                if parent.finalbody is not None or any(_catches_cancellation(h) for h in parent.handlers):
                    return True
            if isinstance(parent, cst.With) and any(_suppresses_cancellation(item.item) for item in parent.items):
                return True
            child, parent = parent, self.context.parent(parent)
        return False

    # -- `task.cancel()` then `await task` ----------------------------------------------------

    def _check_cancel_then_await(self, block: cst.IndentedBlock, function: cst.FunctionDef) -> None:
        statements = list(block.body)
        for index in range(len(statements) - 1):
            cancelled = _cancelled_receiver(statements[index])
            if cancelled is None:
                continue
            awaited = _awaited_expression(statements[index + 1])
            if awaited is None or self.context.code(awaited).strip() != self.context.code(cancelled).strip():
                continue
            if self._guarded_around(statements[index + 1], function):
                continue
            if self._swallows_cancellation(cancelled, function):
                continue
            skipped = self._first_skipped_call(statements[index + 1], function)
            if skipped is None:
                continue
            shown = shortened_code(self.context.code(awaited))
            later = shortened_code(self.context.code(skipped))
            line = self.context.location(skipped).line
            self.report(
                statements[index + 1],
                f"`await {shown}` right after `{shown}.cancel()` raises `asyncio.CancelledError` (a `BaseException`, "
                f"which nothing here catches), so the clean-up after it (`{later}`, line {line}) is skipped",
                suggestion="wait for the cancelled task inside `try: ... except asyncio.CancelledError: pass` (or "
                "`with contextlib.suppress(asyncio.CancelledError):`), or cancel every task first and wait for them with "
                "`await asyncio.gather(*tasks, return_exceptions=True)`",
                confidence=Confidence.MEDIUM,
            )

    def _first_skipped_call(self, statement: cst.CSTNode, function: cst.FunctionDef) -> Optional[cst.Call]:
        """The first call (not a report) in a statement that runs after ``statement`` on the
        normal path, in its block or the blocks around it, up to the function."""
        child: cst.CSTNode = statement
        parent = self.context.parent(statement)
        while parent is not None and child is not function:
            body = getattr(parent, "body", None)
            if isinstance(parent, cst.IndentedBlock) and isinstance(body, (list, tuple)):
                after = list(body)[list(body).index(child) + 1:]
                found = next((call for call in _statement_calls(after, deep=True) if not _reports(call)), None)
                if found is not None:
                    return found
            if isinstance(parent, (cst.Finally, cst.ExceptHandler)):
                grand = self.context.parent(parent)
                if isinstance(parent, cst.ExceptHandler) and isinstance(grand, cst.Try) and grand.finalbody is not None:
                    return None  # the `finally:` runs anyway
            child, parent = parent, self.context.parent(parent)
        return None

    def _swallows_cancellation(self, task: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        """The task runs a coroutine of this module (``self.m()`` / ``m()``, found by the name the
        task was made from) that catches ``CancelledError`` itself."""
        name = task.attr.value if isinstance(task, cst.Attribute) else task.value if isinstance(task, cst.Name) else None
        if name is None:
            return False
        for node in _assignments_to(self.context.module, name):
            for call in _calls_in(node.value):
                target = call.func
                coroutine = target.attr.value if isinstance(target, cst.Attribute) else target.value if isinstance(target, cst.Name) else None
                if coroutine is None:
                    continue
                for definition in _functions_named(self.context.module, coroutine):
                    if any(isinstance(n, cst.ExceptHandler) and _catches_cancellation(n) for n in walk_scope(definition)):
                        return True
        return False


# -- helpers ----------------------------------------------------------------------------------


def _names(handler: cst.ExceptHandler) -> List[str]:
    if handler.type is None:
        return []
    kinds = [e.value for e in handler.type.elements] if isinstance(handler.type, cst.Tuple) else [handler.type]
    return [(dotted_name(kind) or "").rsplit(".", 1)[-1] for kind in kinds]


def _catches_cancellation(handler: cst.ExceptHandler) -> bool:
    return handler.type is None or any(name in _CATCHES_CANCELLATION for name in _names(handler))


def _names_exception(handler: cst.ExceptHandler) -> bool:
    return "Exception" in _names(handler)


def _suppresses_cancellation(expr: cst.BaseExpression) -> bool:
    if not isinstance(expr, cst.Call) or (dotted_name(expr.func) or "").rsplit(".", 1)[-1] != "suppress":
        return False
    return any((dotted_name(arg.value) or "").rsplit(".", 1)[-1] in _CATCHES_CANCELLATION for arg in expr.args)


def _awaits(block: cst.BaseSuite) -> bool:
    for node in walk_scope(block):
        if isinstance(node, cst.Await):
            return True
        if isinstance(node, (cst.For, cst.With)) and node.asynchronous is not None:
            return True
    return False


def _ends_with_raise(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and any(isinstance(s, cst.Raise) for s in statement.body)


def _statement_calls(statements: Sequence[cst.CSTNode], deep: bool = False) -> Iterator[cst.Call]:
    """Calls made as statements of their own (``x.close()``, ``await x.aclose()``); with
    ``deep``, also inside compound statements."""
    for statement in statements:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                value = small.value if isinstance(small, cst.Expr) else None
                if isinstance(value, cst.Await):
                    value = value.expression
                if isinstance(value, cst.Call):
                    yield value
        elif deep:
            for node in walk_scope(statement):
                if isinstance(node, cst.SimpleStatementLine):
                    yield from _statement_calls([node])


def _made_in(function: cst.FunctionDef) -> Set[str]:
    """What the function itself makes: ``x`` and ``self.x`` assigned the result of a call
    (``x = Client()``, ``transport, protocol = await loop.create_connection(...)``)."""
    made: Set[str] = set()
    for node in walk_scope(function):
        if not isinstance(node, cst.Assign):
            continue
        value = node.value.expression if isinstance(node.value, cst.Await) else node.value
        if not isinstance(value, cst.Call):
            continue
        for target in node.targets:
            places = [e.value for e in target.target.elements] if isinstance(target.target, (cst.Tuple, cst.List)) else [target.target]
            for place in places:
                shown = _own_value(place)
                if shown is not None:
                    made.add(shown)
    return made


def _own_value(expr: cst.BaseExpression) -> Optional[str]:
    """``x`` or ``self.x`` (the only shapes a value made here is kept in)."""
    if isinstance(expr, cst.Name):
        return expr.value if expr.value not in ("self", "cls") else None
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == "self":
        return f"self.{expr.attr.value}"
    return None


def _cleans_up(call: cst.Call, made: Set[str]) -> bool:
    """A call without arguments on a value the function made, or one with that value as its only
    argument, that is not a report: a release of what the coroutine was setting up
    (``protocol.fail_connection()``, ``os.close(fd)``), not other work. A clean-up
    of the object's own state (``await self.shutdown()``) is left alone: on cancellation the
    caller may well not want the whole object torn down."""
    if _reports(call):
        return False
    receiver = call.func.value if isinstance(call.func, cst.Attribute) else None
    if receiver is not None and not call.args and _own_value(receiver) in made:
        return True  # `transport.close()`, `await self.session.close()`
    return len(call.args) == 1 and _own_value(call.args[0].value) in made  # `os.close(fd)`, `pool.release(conn)`


def _reports(call: cst.Call) -> bool:
    name = dotted_name(call.func) or ""
    parts = name.lower().split(".")
    return name.rsplit(".", 1)[-1] in _REPORTING or any("log" in part for part in parts[:-1])


def _sole_expression(statement: cst.CSTNode) -> Optional[cst.BaseExpression]:
    """The expression of a statement line that holds one expression statement and nothing else."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    return small.value if isinstance(small, cst.Expr) else None


def _cancelled_receiver(statement: cst.CSTNode) -> Optional[cst.BaseExpression]:
    """``task`` of ``task.cancel()`` (a name or an attribute chain)."""
    call = _sole_expression(statement)
    if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.func.attr.value == "cancel" and not call.args:
        if isinstance(call.func.value, (cst.Name, cst.Attribute)):
            return call.func.value
    return None


def _awaited_expression(statement: cst.CSTNode) -> Optional[cst.BaseExpression]:
    """``task`` of ``await task``."""
    value = _sole_expression(statement)
    return value.expression if isinstance(value, cst.Await) else None


def _assignments_to(root: cst.CSTNode, name: str) -> Iterator[cst.Assign]:
    for node in walk(root):
        if isinstance(node, cst.Assign):
            for target in node.targets:
                place = target.target
                if (isinstance(place, cst.Name) and place.value == name) or (isinstance(place, cst.Attribute) and place.attr.value == name):
                    yield node
                    break


def _calls_in(expr: cst.BaseExpression) -> Iterator[cst.Call]:
    for node in walk_scope(expr):
        if isinstance(node, cst.Call):
            yield node


def _functions_named(module: cst.Module, name: str) -> Iterator[cst.FunctionDef]:
    for node in walk(module):
        if isinstance(node, cst.FunctionDef) and node.name.value == name:
            yield node
