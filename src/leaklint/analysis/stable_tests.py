"""Conditions that cannot change inside a function: ``if args.out is not None:`` tested again
later in the same function takes the branch it took the first time.

A test qualifies when it only compares names and attribute chains with constants (no call, item
read, ``await`` or ``:=``, which could give another answer the second time) and the function
never rebinds any of its base names nor assigns or deletes any of its attribute chains. A method
called in between could still change an attribute; code that guards an ``open`` and its
``close`` by the same test relies on it not doing so, and so does this analysis.
"""

from __future__ import annotations

from typing import Iterable, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import target_names
from leaklint.analysis.walk import walk, walk_scope

_CONSTANTS = (cst.Integer, cst.Float, cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis)


def test_operands(test: cst.BaseExpression) -> Optional[Tuple[Set[str], Set[str]]]:
    """The base names and attribute chains (as code) that ``test`` reads, or None when it does
    anything but compare them (a call, an item read, an ``await``)."""
    names: Set[str] = set()
    chains: Set[str] = set()
    pending = [test]
    while pending:
        part = pending.pop()
        if isinstance(part, cst.Name):
            names.add(part.value)
        elif isinstance(part, cst.Attribute):
            chain = _chain(part)
            if chain is None:
                return None
            chains.add(chain)
            names.add(chain.split(".", 1)[0])
        elif isinstance(part, cst.Comparison):
            pending.append(part.left)
            pending.extend(target.comparator for target in part.comparisons)
        elif isinstance(part, cst.BooleanOperation):
            pending.extend((part.left, part.right))
        elif isinstance(part, cst.UnaryOperation):
            pending.append(part.expression)
        elif not isinstance(part, _CONSTANTS):
            return None
    return names, chains


def _chain(node: cst.BaseExpression) -> Optional[str]:
    parts = []
    while isinstance(node, cst.Attribute):
        parts.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name):
        return None
    parts.append(node.value)
    return ".".join(reversed(parts))


def unchanged_in(scope: cst.CSTNode, names: Iterable[str], chains: Iterable[str]) -> bool:
    """No statement of ``scope`` rebinds one of ``names`` (a parameter is bound on entry only)
    or assigns or deletes one of ``chains`` or an attribute chain below it."""
    names = set(names)
    chains = set(chains)
    if _rebinds(scope, names):
        return False
    for inner in walk_scope(scope):
        targets = []
        if isinstance(inner, cst.AssignTarget):
            targets.append(inner.target)
        elif isinstance(inner, (cst.AugAssign, cst.AnnAssign)):
            targets.append(inner.target)
        elif isinstance(inner, cst.Del):
            targets.append(inner.target)
        for target in targets:
            for part in walk(target):
                if isinstance(part, cst.Attribute):
                    chain = _chain(part)
                    if chain is not None and any(chain == c or c.startswith(chain + ".") for c in chains):
                        return False
    return True


def _rebinds(scope: cst.CSTNode, names: Set[str]) -> bool:
    for inner in walk_scope(scope):
        bound: Iterable[str] = ()
        if isinstance(inner, cst.AssignTarget):
            bound = target_names(inner.target)
        elif isinstance(inner, (cst.AugAssign, cst.AnnAssign, cst.For, cst.CompFor)):
            bound = target_names(inner.target)
        elif isinstance(inner, cst.NamedExpr):
            bound = target_names(inner.target)
        elif isinstance(inner, cst.AsName):
            bound = target_names(inner.name) if isinstance(inner.name, cst.BaseExpression) else ()
        elif isinstance(inner, cst.Del):
            bound = [n.value for n in walk(inner.target) if isinstance(n, cst.Name)]
        elif isinstance(inner, (cst.Global, cst.Nonlocal)):
            bound = [item.name.value for item in inner.names]
        if any(name in names for name in bound):
            return True
    return False


def stable_test(context: FileContext, test: cst.BaseExpression, scope: Optional[cst.CSTNode], tracked: str) -> bool:
    """``test`` gives the same answer everywhere in ``scope``, and it does not read ``tracked``
    (the name whose value the caller follows, bound under the test)."""
    if scope is None or not isinstance(scope, (cst.FunctionDef, cst.Module)):
        return False
    operands = test_operands(test)
    if operands is None:
        return False
    names, chains = operands
    if not names or tracked in names or names <= {"None", "True", "False"}:
        return False
    return unchanged_in(scope, names - {"None", "True", "False"}, chains)
