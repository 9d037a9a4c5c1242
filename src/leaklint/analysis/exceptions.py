"""What an ``except`` block does with the exception it caught, shared by the rules about kept
exceptions (LKL105 in the catching frame, LKL109 on long-lived holders), and which names hold
one exception object built once (LKL106)."""

from __future__ import annotations

import re
from typing import Iterable, Optional, Set

import libcst as cst

from leaklint.analysis.containers import is_empty_container
from leaklint.analysis.context import FileContext
from leaklint.analysis.names import last_name
from leaklint.analysis.walk import walk

# The last part of a class name that says "this builds an exception".
EXCEPTION_CLASS = re.compile(r"(Error|Exception|Exit|Interrupt|Warning|Failure|Timeout|Fault)$")
CLEARERS = frozenset({"traceback.clear_frames"})


def traceback_dropped(context: FileContext, body: Iterable[cst.CSTNode], caught: Optional[str]) -> bool:
    """Whether the handler body clears the frames (``traceback.clear_frames(...)``) or drops the
    caught exception's traceback (``caught.__traceback__ = ...``)."""
    for inner in body:
        if isinstance(inner, cst.Call) and context.qualified_name(inner.func) in CLEARERS:
            return True
        if isinstance(inner, cst.Assign) and caught is not None:
            for target in inner.targets:
                t = target.target
                if (isinstance(t, cst.Attribute) and t.attr.value == "__traceback__"
                        and isinstance(t.value, cst.Name) and t.value.value == caught):
                    return True
    return False


_DRAINS = frozenset({"clear", "pop", "popleft", "popitem"})


def released_names(scope: cst.CSTNode, on_self: bool) -> Set[str]:
    """Attribute names (``on_self``) or module-level names that are reset to None or an empty
    container, deleted, cleared or drained somewhere in ``scope``, outside ``__init__`` (where
    the initial value is set)."""
    found: Set[str] = set()
    initial: Set[int] = set()
    for inner in walk(scope):
        if isinstance(inner, cst.FunctionDef) and inner.name.value == "__init__":
            initial.update(id(n) for n in walk(inner))
    if isinstance(scope, cst.Module):  # `FAILURES = []` at module level defines it
        for statement in scope.body:
            if isinstance(statement, cst.SimpleStatementLine):
                initial.update(id(n) for n in walk(statement))

    def name_of(expr: cst.BaseExpression) -> Optional[str]:
        if isinstance(expr, cst.Subscript):
            expr = expr.value
        if on_self and isinstance(expr, cst.Attribute):
            return expr.attr.value
        if not on_self and isinstance(expr, cst.Name):
            return expr.value
        return None

    for inner in walk(scope):
        if id(inner) in initial:
            continue
        if isinstance(inner, cst.Del):
            for target in walk(inner.target):
                if isinstance(target, (cst.Attribute, cst.Name, cst.Subscript)):
                    name = name_of(target)
                    if name is not None:
                        found.add(name)
        elif isinstance(inner, cst.Assign):
            for assigned in inner.targets:
                target, value = assigned.target, inner.value
                pairs = [(target, value)]
                if isinstance(target, (cst.Tuple, cst.List)) and isinstance(value, (cst.Tuple, cst.List)):
                    pairs = [(t.value, v.value) for t, v in zip(target.elements, value.elements)]  # `x, self._e = self._e, None`
                for one_target, one_value in pairs:
                    name = name_of(one_target) if empty_value(one_value) else None
                    if name is not None:
                        found.add(name)
        elif isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute) and inner.func.attr.value in _DRAINS:
            name = name_of(inner.func.value)
            if name is not None:
                found.add(name)
    return found


_RESET_CONTAINERS = ("list", "dict", "set", "deque")


def empty_value(value: cst.BaseExpression) -> bool:
    """``None`` or a fresh empty container: what a reset assigns."""
    return (isinstance(value, cst.Name) and value.value == "None") or is_empty_container(value, _RESET_CONTAINERS)


# What reads an exception's traceback back: a class or module that calls these keeps exceptions
# to show or re-raise them with their frames, which is the point of keeping them.
_TRACEBACK_READERS = frozenset({
    "traceback.format_tb", "traceback.print_tb", "traceback.extract_tb", "traceback.walk_tb",
    "traceback.format_exception", "traceback.print_exception", "traceback.TracebackException",
    "traceback.TracebackException.from_exception",
})


def reads_tracebacks(context: FileContext, scope: cst.CSTNode) -> bool:
    """Whether ``scope`` formats or walks a kept traceback later (``traceback.format_tb(e.__traceback__)``,
    ``traceback.format_exception(e)`` outside any ``except`` block): exceptions kept there are kept
    for their traceback. Formatting in the handler itself is keeping text instead."""
    for inner in walk(scope):
        if isinstance(inner, cst.Call) and isinstance(inner.func, (cst.Attribute, cst.Name)) \
                and context.qualified_name(inner.func) in _TRACEBACK_READERS \
                and not any(isinstance(a, (cst.ExceptHandler, cst.ExceptStarHandler)) for a in context.ancestors(inner)):
            return True
    return False


def exception_classes(module: cst.Module) -> Set[str]:
    """Classes of this file that derive (through each other) from an exception class."""
    found: Set[str] = set()
    classes = [s for s in module.body if isinstance(s, cst.ClassDef)]
    changed = True
    while changed:
        changed = False
        for cls in classes:
            if cls.name.value in found:
                continue
            for base in cls.bases:
                last = last_name(base.value)
                if last is not None and (last in found or EXCEPTION_CLASS.search(last)):
                    found.add(cls.name.value)
                    changed = True
                    break
    return found


def builds_exception(value: cst.BaseExpression, classes: Set[str]) -> bool:
    """``KeyError("...")``, ``QueryFailed(...)``: a call that makes one exception instance."""
    if not isinstance(value, cst.Call):
        return False
    last = last_name(value.func)
    return last is not None and (last in classes or bool(EXCEPTION_CLASS.search(last)))


def class_level_exception(module: cst.Module, cls: cst.ClassDef, attribute: str,
                          classes: Set[str]) -> Optional[cst.Assign]:
    """The class-body statement ``attribute = SomeError(...)`` when it is the only binding of
    ``attribute`` in the file: one exception object shared by every instance, kept as long as
    the class (the life of the process). Any other store or ``del`` of ``<x>.attribute`` (an
    instance that sets its own, a reset to None) makes it something else: None then."""
    found: Optional[cst.Assign] = None
    if not isinstance(cls.body, cst.IndentedBlock):
        return None
    for statement in cls.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and builds_exception(small.value, classes) and any(
                    isinstance(t.target, cst.Name) and t.target.value == attribute for t in small.targets):
                found = small
    if found is None:
        return None
    for node in walk(module):
        targets: Iterable[cst.BaseExpression] = ()
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, cst.Del):
            targets = [node.target]
        for target in targets:
            if any(isinstance(n, cst.Attribute) and n.attr.value == attribute for n in walk(target)):
                return None
    return found
