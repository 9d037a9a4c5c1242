"""Process pools that are closed but never joined (nor terminated).

``Pool.close()`` only stops the pool taking new work: the worker processes finish what is queued
and exit, and it is ``join()`` that waits for them and reaps them (``terminate()`` and ``with``
end them too). A pool closed and dropped leaves its exited workers to the pool's finaliser, which
runs only when the garbage collector gets to the pool: until then every exited worker is a zombie
process, and code that builds a pool per call (a training round, an executor per command) piles
them up. The multiprocessing documentation pairs the two: ``close()`` then ``join()``.

Only process pools are asked about: a ``ThreadPool``'s workers are threads, which leave nothing
behind once they exit. A pool that is handed on (an argument, a return, an alias, a container) or
used as a context manager is someone else's to join.
"""

from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.lifetimes import class_methods, is_self_attribute
from leaklint.analysis.walk import walk

PROCESS_POOLS = frozenset({"multiprocessing.Pool", "multiprocessing.pool.Pool", "multiprocess.Pool", "multiprocess.pool.Pool"})
# Calls on the pool that reap (or end) its workers, or show that something else manages it.
_ENDING = frozenset({"join", "terminate", "__exit__", "__enter__"})


def closed_never_joined(context: FileContext, holder: cst.BaseExpression, scope: cst.FunctionDef) -> Optional[cst.Call]:
    """The ``close()`` call of the pool held by ``holder`` (a local name bound in ``scope``, or
    ``self.<attr>``) when nothing joins or terminates it and it is never handed on; else None."""
    if isinstance(holder, cst.Name):
        uses = _name_uses(context, holder.value, scope)
    elif is_self_attribute(holder):
        klass = context.nearest(scope, cst.ClassDef)
        if klass is None or context.parent(context.parent(scope) or scope) is not klass:
            return None
        assert isinstance(holder, cst.Attribute)
        uses = _attribute_uses(holder.attr.value, class_methods(klass))
    else:
        return None
    close: Optional[cst.Call] = None
    for use in uses:
        if use is holder:
            continue
        parent = context.parent(use)
        if isinstance(parent, cst.AssignTarget):
            continue  # a (re)binding
        if isinstance(parent, cst.Attribute) and parent.value is use:
            call = context.parent(parent)
            if parent.attr.value in _ENDING:
                return None
            if parent.attr.value == "close" and isinstance(call, cst.Call) and call.func is parent:
                close = close or call
            continue  # pool.map(...), pool.imap_unordered: used, not handed on
        if isinstance(parent, (cst.If, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation, cst.BooleanOperation)):
            continue  # `if self.pool is not None:`
        return None  # handed on, returned, aliased, stored, entered with `with`: not ours to judge
    return close


def _name_uses(context: FileContext, name: str, scope: cst.FunctionDef) -> List[cst.Name]:
    found: List[cst.Name] = []
    for node in walk(scope):
        if not (isinstance(node, cst.Name) and node.value == name):
            continue
        parent = context.parent(node)
        if (isinstance(parent, cst.Attribute) and parent.attr is node) or (isinstance(parent, cst.Arg) and parent.keyword is node):
            continue  # `x.pool`, `f(pool=...)`: another name spelled the same
        found.append(node)
    return found


def _attribute_uses(attr: str, methods: Iterable[cst.FunctionDef]) -> List[cst.CSTNode]:
    found: List[cst.CSTNode] = []
    for method in methods:
        found.extend(node for node in walk(method) if is_self_attribute(node, attr))
    return found


def pool_holder(assign: cst.CSTNode) -> Optional[Tuple[cst.BaseExpression, str]]:
    """The single target of ``assign`` (``pool = Pool()`` / ``self.pool = Pool()``) and how a
    message names it."""
    if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
        target = assign.targets[0].target
    elif isinstance(assign, cst.AnnAssign):
        target = assign.target
    else:
        return None
    if isinstance(target, cst.Name):
        return target, target.value
    if is_self_attribute(target):
        assert isinstance(target, cst.Attribute)
        return target, f"self.{target.attr.value}"
    return None
