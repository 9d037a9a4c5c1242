"""Descriptors opened to become the process's standard streams.

A daemon closes every descriptor it inherited (``os.closerange(0, maxfd)``, or ``os.close(fd)``
in a loop over ``range(maxfd)``) and then opens ``/dev/null``: POSIX ``open()`` returns the
lowest free descriptor, so that call returns 0, the new stdin, and the next ones 1 and 2
(circus's and websockify's ``daemonize()``, the Unix programming FAQ's recipe). Such a
descriptor is meant to stay open for the life of the process, and closing it, as a leak report
would suggest, closes stdin.
"""

from __future__ import annotations

from typing import Any, Optional

import libcst as cst

from leaklint.analysis.walk import walk

_CLOSE_RANGE = "os.closerange"
_CLOSE = "os.close"


def opened_after_closing_every_descriptor(context: Any, call: cst.Call) -> bool:
    """``call`` runs after the function around it closed every descriptor from 0 up."""
    scope = context.enclosing_scope(call)
    if not isinstance(scope, cst.FunctionDef):
        return False
    line = context.location(call).line
    for node in walk(scope.body):
        if not isinstance(node, cst.Call) or context.location(node).line >= line:
            continue
        qualified = context.qualified_name(node.func)
        if qualified == _CLOSE_RANGE and node.args and _is_zero(node.args[0].value):
            return True
        if qualified == _CLOSE and _in_loop_from_zero(context, node, scope):
            return True
    return False


def _in_loop_from_zero(context: Any, call: cst.Call, scope: cst.FunctionDef) -> bool:
    for ancestor in context.ancestors(call):
        if ancestor is scope:
            return False
        if isinstance(ancestor, cst.For) and _range_from_zero(context, ancestor.iter):
            return True
    return False


def _range_from_zero(context: Any, expr: cst.BaseExpression) -> bool:
    """``range(n)``, ``range(0, n)`` or ``reversed(...)`` of one."""
    if not isinstance(expr, cst.Call):
        return False
    name = context.qualified_name(expr.func)
    if name == "builtins.reversed" and len(expr.args) == 1:
        return _range_from_zero(context, expr.args[0].value)
    if name != "builtins.range" or not expr.args:
        return False
    return len(expr.args) == 1 or _is_zero(expr.args[0].value)


def _is_zero(expr: Optional[cst.BaseExpression]) -> bool:
    return isinstance(expr, cst.Integer) and expr.value == "0"
