"""LKL306: a ``@contextmanager`` releases what it acquired after a bare ``yield``, so an
exception in the ``with`` body skips the release."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

import libcst as cst

from leaklint.analysis.names import dotted_name, target_names
from leaklint.analysis.quote import shortened_code
from leaklint.analysis.resources import CATALOGUE
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

_DECORATORS = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})
_BARE_DECORATORS = frozenset({"contextmanager", "asynccontextmanager"})

# The first word of a call's name that gives something back or tears it down: `close()`,
# `self.release(conn)`, `pool.put(conn)`, `self.push(client)`, `return_connection(conn)`,
# `putconn(conn)`, `os.unlink(path)`. Not `commit`/`flush`/`save`: skipping those when the body
# fails is what a transaction manager is meant to do.
_RELEASE_WORDS = frozenset({
    "close", "aclose", "release", "put", "putconn", "push", "return", "free", "unlock", "disconnect",
    "shutdown", "stop", "terminate", "kill", "cleanup", "dispose", "destroy", "checkin", "unregister",
    "remove", "unlink", "rmtree", "cancel", "give", "relinquish", "detach",
})
# What LKL301/LKL302 (the resource catalogue) and LKL303 (threads, timers) already follow
# through a generator's `yield` when the value's own release comes after it.
_COVERED = frozenset(CATALOGUE) | {"threading.Thread", "threading.Timer"}
# Calls before the `yield` that take something a later call on the same receiver gives back.
_ACQUIRE_WORDS = frozenset({"acquire", "lock", "checkout", "get", "pull", "take", "borrow", "open", "connect", "start"})


class ContextManagerCleanupSkippedOnError(Rule):
    """
    ## What it does
    Flags a generator decorated with `@contextlib.contextmanager` (or `@asynccontextmanager`)
    that acquires something before its `yield` and gives it back after the `yield` (a
    `close()`, `pool.put(conn)`, `self.release(conn)`, `lock.release()`, `os.unlink(path)`),
    when the `yield` is not inside a `try:` block: the release is skipped whenever the `with`
    body raises.

    ## Why is this bad?
    `contextmanager` resumes the generator by *throwing* the body's exception in at the
    `yield`. Without `try:` / `finally:` around the `yield`, the statements after it never run
    on that path: the connection is never returned to its pool (which drains one connection per
    failed query until callers block), the file or socket stays open, the lock stays held, the
    temporary file stays on disk. It looks like a `with` block, so callers believe the cleanup is
    guaranteed.

    ## Known problems
    The release is recognised by its name (`close`, `release`, `put`, `push`, `return_*`,
    `unlock`, `disconnect`, `remove`, ...) and by what it is applied to (a value bound before
    the `yield`, or the receiver of an `acquire()`/`get()` before it). A `yield` inside any
    `try:` block is left alone, even one whose handlers do not cover every exception. Teardown
    after the `yield` of a pytest fixture is not affected (pytest does not throw the test's
    failure into the fixture) and is not reported.

    ## References
    - ruff, pylint, flake8-bugbear: none. LKL301/LKL302 report resources released without
      `finally:` inside one function; this rule covers the generator of a context manager.
    - Python documentation, `contextlib.contextmanager`: "If an unhandled exception occurs in the
      block, it is reraised inside the generator at the point where the yield occurred."
    """

    code = "LKL306"
    name = "contextmanager-cleanup-skipped-on-error"
    message = "`{name}` is released after the `yield` of a `@contextmanager` without `try`/`finally`"
    examples = (
        Bad(
            "from contextlib import contextmanager\n\nclass Pool:\n    @contextmanager\n"
            "    def connection(self):\n        conn = self.acquire()\n        yield conn\n"
            "        self.release(conn)\n"
        ),
        Good(
            "from contextlib import contextmanager\n\nclass Pool:\n    @contextmanager\n"
            "    def connection(self):\n        conn = self.acquire()\n        try:\n            yield conn\n"
            "        finally:\n            self.release(conn)\n"
        ),
    )

    trigger_names = ("contextmanager",)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        if not any(self._is_contextmanager(decorator.decorator) for decorator in node.decorators):
            return
        for found in walk_scope(node):
            if isinstance(found, cst.Yield):
                self._check_yield(node, found)

    def _is_contextmanager(self, decorator: cst.BaseExpression) -> bool:
        qualified = self.context.qualified_name(decorator)
        if qualified is not None:
            return qualified in _DECORATORS
        return (dotted_name(decorator) or "").rsplit(".", 1)[-1] in _BARE_DECORATORS

    def _catalogued_and_closed(self, statement: Optional[cst.CSTNode], release: cst.Call, subject: str) -> bool:
        call = _bound_call(statement)
        if call is None or not isinstance(release.func, cst.Attribute):
            return False
        receiver = release.func.value
        return (
            isinstance(receiver, cst.Name)
            and receiver.value == subject
            and (self.context.qualified_name(call.func) or "") in _COVERED
        )

    def _check_yield(self, function: cst.FunctionDef, yielded: cst.Yield) -> None:
        statement = self.context.enclosing_statement(yielded)
        if statement is None:
            return
        before: List[cst.CSTNode] = []
        after: List[cst.CSTNode] = []
        node: cst.CSTNode = statement
        for ancestor in self.context.ancestors(statement):
            if isinstance(ancestor, cst.Try):
                return  # the author handles the body's exception (or its `finally` releases)
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)) and ancestor is not function:
                return
            if isinstance(ancestor, (cst.IndentedBlock, cst.Module)):
                body = list(ancestor.body)
                if node in body:
                    index = body.index(node)
                    before[:0] = body[:index]
                    after.extend(body[index + 1:])
            if ancestor is function:
                break
            node = ancestor
        if not after:
            return
        bound = _bound_names(before)
        acquired = _acquire_receivers(self.context, before)
        found = _release_after(self.context, after, bound, acquired)
        if found is None:
            return
        release, subject = found
        if self._catalogued_and_closed(bound.get(subject), release, subject):
            return  # LKL301-LKL303 follow a catalogued resource or a thread through the `yield` themselves
        where = bound.get(subject) if subject in bound else acquired.get(subject)
        target = where if where is not None else statement
        release_code = shortened_code(self.context.code(release))
        self.report(
            target,
            f"`{subject}` is released by `{release_code}` after the `yield` of the context manager "
            f"`{function.name.value}()`, and the `yield` is not in a `try:` block: when the `with` body raises, the "
            "exception is thrown in at the `yield` and the release never runs",
            suggestion=f"wrap the `yield` in `try:` ... `finally: {release_code}`",
            confidence=Confidence.MEDIUM,
        )


def _bound_call(statement: Optional[cst.CSTNode]) -> Optional[cst.Call]:
    value = getattr(statement, "value", None)
    while isinstance(value, cst.Await):
        value = value.expression
    return value if isinstance(value, cst.Call) else None


def _bound_names(statements: Sequence[cst.CSTNode]) -> Dict[str, cst.CSTNode]:
    """Names assigned by the statements before the ``yield`` (the first binding of each, and
    the statement that makes it)."""
    bound: Dict[str, cst.CSTNode] = {}
    for statement in statements:
        for node in walk(statement):
            targets: List[cst.BaseExpression] = []
            if isinstance(node, cst.Assign):
                targets = [t.target for t in node.targets]
            elif isinstance(node, (cst.AnnAssign, cst.AugAssign)):
                targets = [node.target]
            elif isinstance(node, cst.WithItem) and node.asname is not None:
                continue  # closed by its own `with` before the `yield` can matter
            elif isinstance(node, cst.NamedExpr):
                targets = [node.target]
            for target in targets:
                for name in target_names(target):
                    bound.setdefault(name, node)
    return bound


def _acquire_receivers(context, statements: Sequence[cst.CSTNode]) -> Dict[str, cst.CSTNode]:  # type: ignore[no-untyped-def]
    """``self._lock`` of ``self._lock.acquire()`` before the ``yield``: the receiver's code, and
    the call."""
    found: Dict[str, cst.CSTNode] = {}
    for statement in statements:
        for node in walk(statement):
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
                if node.func.attr.value.lower().split("_")[0] in _ACQUIRE_WORDS:
                    found.setdefault(context.code(node.func.value).strip(), node)
    return found


def _release_after(
    context, statements: Sequence[cst.CSTNode], bound: Dict[str, cst.CSTNode], acquired: Dict[str, cst.CSTNode]  # type: ignore[no-untyped-def]
) -> Optional[Tuple[cst.Call, str]]:
    """The first call after the ``yield`` that gives back something acquired before it: (the
    call, the name or receiver it releases)."""
    for statement in statements:
        for node in walk_scope(statement):
            if not isinstance(node, cst.Call):
                continue
            terminal = (dotted_name(node.func) or "").rsplit(".", 1)[-1]
            if not terminal or terminal.lower().lstrip("_").split("_")[0] not in _RELEASE_WORDS:
                continue
            for arg in node.args:
                if isinstance(arg.value, cst.Name) and arg.value.value in bound:
                    return node, arg.value.value
            if isinstance(node.func, cst.Attribute):
                receiver = node.func.value
                root = receiver
                while isinstance(root, (cst.Attribute, cst.Call, cst.Subscript)):
                    root = root.value if not isinstance(root, cst.Call) else root.func
                if isinstance(root, cst.Name) and root.value in bound:
                    return node, root.value
                code = context.code(receiver).strip()
                if code in acquired and code not in ("self", "cls"):
                    return node, code
    return None
