"""A wrapper around a standard stream that closes it when the wrapper goes away.

``io.TextIOWrapper(sys.stdin.buffer, encoding=e).read()``: the wrapper owns the buffer it is
given, so when it is collected (or closed, or leaves a ``with``) it closes ``sys.stdin.buffer``,
and the next read of stdin fails (CPython raises ``ResourceWarning`` for the buffer too). The
wrapper must give the buffer back with ``detach()``, or stay alive for good (``sys.stdout =
TextIOWrapper(sys.stdout.buffer, ...)``).
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import dotted_name
from leaklint.analysis.walk import walk_scope

WRAPPERS = frozenset(
    {f"io.{name}" for name in ("TextIOWrapper", "BufferedReader", "BufferedWriter", "BufferedRWPair", "BufferedRandom")}
    | {"codecs.getreader", "codecs.getwriter"}
)
TERMINALS = frozenset(name.rsplit(".", 1)[-1] for name in WRAPPERS if name.startswith("io."))
_STREAMS = ("sys.stdin", "sys.stdout", "sys.stderr", "sys.__stdin__", "sys.__stdout__", "sys.__stderr__")
_BORROWERS = frozenset({"print", "isinstance", "repr", "str", "id", "type", "len", "iter", "next", "list"})


def wrapped_stream(context: FileContext, call: cst.Call) -> Optional[str]:
    """``sys.stdin.buffer`` (as spelled) when ``call`` wraps a standard stream's buffer."""
    if context.qualified_name(call.func) not in WRAPPERS:
        return None
    positional = [a for a in call.args if a.keyword is None and not a.star]
    keyword = [a for a in call.args if a.keyword is not None and a.keyword.value in ("buffer", "raw")]
    arg = positional[0] if positional else keyword[0] if keyword else None
    if arg is None:
        return None
    spelled = dotted_name(arg.value)
    if spelled is None:
        return None
    stream = spelled[: -len(".buffer")] if spelled.endswith(".buffer") else spelled
    if stream not in _STREAMS or context.qualified_name(arg.value) is None and not spelled.startswith("sys."):
        return None
    return spelled


def closes_stream(context: FileContext, call: cst.Call) -> Optional[str]:
    """How the wrapper ``call`` makes ends up closing the stream it wraps: "temporary" (used once
    and dropped), "with" (a ``with`` block closes it), "local" (kept in a local name that is never
    detached and goes away with the function); None when it is detached, kept for good or handed on."""
    parent = context.parent(call)
    if isinstance(parent, cst.Attribute) and parent.value is call:
        return None if parent.attr.value == "detach" else "temporary"
    if isinstance(parent, cst.WithItem) and parent.item is call:
        return "with"
    if not (isinstance(parent, cst.Assign) and parent.value is call and len(parent.targets) == 1):
        return None
    target = parent.targets[0].target
    scope = context.nearest(call, cst.FunctionDef)
    if not isinstance(target, cst.Name) or scope is None:
        return None  # `sys.stdout = TextIOWrapper(...)`, `self.out = ...`, module level: kept
    name = target.value
    for node in walk_scope(scope):
        if not (isinstance(node, cst.Name) and node.value == name) or node is target:
            continue
        outer = context.parent(node)
        if isinstance(outer, cst.Attribute) and outer.value is node:
            if outer.attr.value == "detach":
                return None
            continue
        if isinstance(outer, (cst.Comparison, cst.ComparisonTarget, cst.If, cst.AssignTarget)):
            continue
        if isinstance(outer, cst.Arg):
            callee = context.parent(outer)
            if isinstance(callee, cst.Call) and isinstance(callee.func, cst.Name) and callee.func.value in _BORROWERS:
                continue
        return None  # returned, stored, handed on, used in `with`: someone else decides
    if any(isinstance(n, (cst.Global, cst.Nonlocal)) for n in walk_scope(scope)):
        return None
    return "local"
