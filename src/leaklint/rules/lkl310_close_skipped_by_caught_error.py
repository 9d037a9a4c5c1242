"""LKL310: a ``close()`` placed after another call on the same object inside a ``try:`` whose
handler swallows the error, so the error the handler expects skips the close."""

from __future__ import annotations

from typing import Optional, Sequence, Set

import libcst as cst

from leaklint.analysis.names import LOCAL, dotted_name, parameter_names
from leaklint.analysis.quote import shortened_code
from leaklint.analysis.walk import walk_scope
from leaklint.rule import Bad, Confidence, Good, Rule

_CLOSERS = frozenset({"close", "aclose", "dispose"})
# Errors that say the object is already finished: a generator that raised StopIteration needs
# no `close()`.
_FINISHED = frozenset({"StopIteration", "StopAsyncIteration", "GeneratorExit"})
# Calls that end a handler as a `raise` would: a test's failure, the process's exit.
_ENDS = frozenset({"fail", "exit", "_exit", "abort", "skipTest"})


class CloseSkippedByCaughtError(Rule):
    """
    ## What it does
    Flags `x.close()` (or `aclose()`, `dispose()`) inside a `try:` block after another call on
    the same object (`x.shutdown(...)`, `x.flush()`, `x.sendall(...)`), when a handler of that
    `try:` catches the error and goes on (it does not raise), and neither that handler, a
    `finally:` block nor the code after the `try:` closes `x`:

        try:
            self.sock.shutdown(socket.SHUT_RDWR)
            self.sock.close()
        except OSError:
            pass

    ## Why is this bad?
    The handler says that the earlier call is expected to fail: `shutdown()` raises `ENOTCONN`
    when the peer has already gone, `flush()` fails on a broken pipe. That is exactly when the
    `close()` after it is skipped, and the handler then carries on as if the object had been
    released: its descriptor stays open until the object is collected, which in a long-running
    server (or when the object sits in a reference cycle) is much later or never, and each such
    connection costs one more open file. Put the `close()` in a `finally:` block.

    ## Known problems
    Only a `close()`, `aclose()` or `dispose()` called as a statement of the `try:` body itself
    is checked, and only after another call on the same object (`self.sock`, `conn`) in that
    body; calls on other objects are not taken as the failing step. Handlers that only catch
    `StopIteration` are left alone (a finished generator needs no `close()`), and so is a
    handler that mentions the object at all (it may release it another way). A local variable of
    the function (not a parameter) is low: CPython closes it as soon as the function returns.

    ## References
    - ruff, pylint: none. Python documentation, `socket.shutdown` ("OSError: [Errno 107]
      Transport endpoint is not connected" when the peer is gone) and `socket.close`.
    """

    code = "LKL310"
    name = "close-skipped-by-caught-error"
    message = "`{name}.close()` is skipped when the call before it raises the error its handler catches"
    trigger_names = ("close", "dispose")
    examples = (
        Bad(
            "import socket\n\nclass Client:\n    def __init__(self, sock):\n        self.sock = sock\n\n"
            "    def shutdown(self):\n        try:\n            self.sock.shutdown(socket.SHUT_RDWR)\n"
            "            self.sock.close()\n        except OSError:\n            pass\n"
        ),
        Good(
            "import socket\n\nclass Client:\n    def __init__(self, sock):\n        self.sock = sock\n\n"
            "    def shutdown(self):\n        try:\n            self.sock.shutdown(socket.SHUT_RDWR)\n"
            "        except OSError:\n            pass\n        finally:\n            self.sock.close()\n"
        ),
    )

    def visit_Try(self, node: cst.Try) -> None:
        handlers = [handler for handler in node.handlers if _goes_on(handler)]
        if not handlers:
            return  # no handler, or every handler raises: the error leaves the function
        statements = list(node.body.body) if isinstance(node.body, cst.IndentedBlock) else []
        judged: Set[str] = set()
        for index, statement in enumerate(statements):
            close = _close_statement(statement)
            if close is None or not isinstance(close.func, cst.Attribute):
                continue
            receiver = close.func.value
            code = _receiver_code(self.context, receiver)
            if code is None or code in judged or self._is_module(receiver):
                continue
            judged.add(code)  # the first close of the object decides; a second one is no news
            earlier = _earlier_call(self.context, statements[:index], code)
            if earlier is None:
                continue
            if node.finalbody is not None and _mentions(self.context, node.finalbody, code):
                continue
            if any(_mentions(self.context, handler.body, code) for handler in handlers):
                continue
            if self._closed_after(node, code):
                continue
            self._report(statement, close, earlier, handlers[0], code, self._local_of_scope(receiver, node))

    def _is_module(self, receiver: cst.BaseExpression) -> bool:
        """``os.close(fd)``: a module's function, not a method of an object."""
        if not isinstance(receiver, cst.Name):
            return False
        target = self.context.module_bindings.names.get(receiver.value)
        return target is not None and target != LOCAL

    def _closed_after(self, node: cst.Try, code: str) -> bool:
        """A statement after the ``try:`` in the same block mentions the object (closes it, or
        hands it on)."""
        block = self.context.parent(node)
        body = getattr(block, "body", None)
        if not isinstance(body, (list, tuple)) or node not in body:
            return False
        later = body[list(body).index(node) + 1:]
        return any(_mentions(self.context, statement, code) for statement in later)

    def _local_of_scope(self, receiver: cst.BaseExpression, node: cst.Try) -> bool:
        """``s = socket.socket()`` in this function: CPython closes it as soon as the function
        returns, so the skipped close only comes early (with a ResourceWarning)."""
        if not isinstance(receiver, cst.Name):
            return False
        function = self.context.nearest(node, cst.FunctionDef)
        if function is None:
            return False
        return receiver.value not in parameter_names(function.params)

    def _report(
        self, statement: cst.CSTNode, close: cst.Call, earlier: cst.Call, handler: cst.ExceptHandler, code: str, local: bool
    ) -> None:
        close_code = shortened_code(self.context.code(close))
        earlier_code = shortened_code(self.context.code(earlier))
        line = self.context.location(earlier).line
        caught = f"`except {shortened_code(self.context.code(handler.type))}:`" if handler.type is not None else "bare `except:`"
        self.report(
            statement,
            f"`{close_code}` is skipped when `{earlier_code}` (line {line}) raises: the {caught} handler "
            f"catches that error and goes on, and nothing else closes `{code}`, so its descriptor stays open "
            "until the object is collected",
            suggestion=f"call `{close_code}` in a `finally:` block of this `try:` (or in the handler as well)",
            confidence=Confidence.LOW if local else Confidence.MEDIUM,
        )


def _goes_on(handler: cst.ExceptHandler) -> bool:
    """The handler does not end by raising, and it catches more than a finished generator."""
    if handler.type is not None:
        caught = handler.type.elements if isinstance(handler.type, cst.Tuple) else None
        names = [e.value for e in caught] if caught is not None else [handler.type]
        if all(isinstance(name, cst.Name) and name.value in _FINISHED for name in names):
            return False
    body = handler.body.body if isinstance(handler.body, cst.IndentedBlock) else ()
    last = body[-1] if body else None
    if isinstance(last, cst.SimpleStatementLine):
        for small in last.body:
            if isinstance(small, cst.Raise):
                return False
            call = small.value if isinstance(small, cst.Expr) else None
            if isinstance(call, cst.Call) and (dotted_name(call.func) or "").rsplit(".", 1)[-1] in _ENDS:
                return False  # `self.fail(...)`, `sys.exit(1)`: the handler does not go on either
    return True


def _close_statement(statement: cst.CSTNode) -> Optional[cst.Call]:
    """``x.close()`` / ``await x.aclose()`` as a statement of its own."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    value = small.value if isinstance(small, cst.Expr) else None
    if isinstance(value, cst.Await):
        value = value.expression
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute) and value.func.attr.value in _CLOSERS:
        return value
    return None


def _receiver_code(context, receiver: cst.BaseExpression) -> Optional[str]:  # type: ignore[no-untyped-def]
    """``sock``, ``self.sock``, ``self.conn.sock``: a name or a chain of attributes on one."""
    node = receiver
    while isinstance(node, cst.Attribute):
        node = node.value
    if not isinstance(node, cst.Name) or (receiver is node and node.value in ("self", "cls")):
        return None
    return context.code(receiver).strip()


def _earlier_call(context, statements: Sequence[cst.CSTNode], code: str) -> Optional[cst.Call]:  # type: ignore[no-untyped-def]
    """The last call of a method on the object (``code``) among ``statements``."""
    found: Optional[cst.Call] = None
    for statement in statements:
        for node in walk_scope(statement):
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
                if node.func.attr.value not in _CLOSERS and context.code(node.func.value).strip() == code:
                    found = node
    return found


def _mentions(context, node: cst.CSTNode, code: str) -> bool:  # type: ignore[no-untyped-def]
    """``node`` uses the object other than by dropping it (``self.sock = None``)."""
    for inner in walk_scope(node):
        if isinstance(inner, (cst.Attribute, cst.Name)) and context.code(inner).strip() == code:
            parent = context.parent(inner)
            if isinstance(parent, cst.AssignTarget):
                continue
            return True
    return False
