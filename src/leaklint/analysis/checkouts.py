"""Values checked out of a pool and given back by a later call in the same function:
``conn = self._get_conn(); ...; self._put_conn(conn)``, ``conn = pool.getconn(); ...;
pool.putconn(conn)``, ``conn = await pool.acquire(); ...; await pool.release(conn)``.

Nothing closes such a value, so the resource rules' question ("is it closed on every path?")
does not apply; the pool's own question does: is it given back on every path, including when
the work in between raises? A checkout that is not given back drains the pool by one connection
per failure, until callers block waiting for one.

The pair is recognised by its names: the check-out verb and the give-back verb on the same
receiver (``get``/``put``, ``getconn``/``putconn``, ``acquire``/``release``, ``checkout``/``checkin``,
``borrow``/``return``, or the same noun after them: ``_get_conn``/``_put_conn``,
``get_connection``/``release_connection``), with the checked-out value as the give-back's
argument. Plain ``get``/``put`` count only on a receiver named like a pool (a work queue's
``get``/``put`` is not a checkout). A value that is also returned, yielded, stored or used by a
nested function is somebody else's to give back: not judged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Set

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.walk import walk, walk_scope
from leaklint.flow.cfg import DISPATCH, JOIN, LEAVE, ControlFlowGraph, Node
from leaklint.flow.cfg_paths import PASS, RELEASE, follow

_TAKE = ("get", "acquire", "checkout", "borrow", "take", "lease")
_GIVE = ("put", "release", "checkin", "return", "giveback", "give_back", "restore")
_PAIRS = {
    "getconn": ("putconn",),
    "acquire": ("release",),
    "checkout": ("checkin",),
    "borrow": ("return", "giveback", "give_back", "return_object"),
    "borrow_object": ("return_object",),
}
_POOLISH = ("pool", "idle", "free", "available", "spare")


@dataclass(frozen=True)
class Checkout:
    call: cst.Call  # the check-out
    name: str  # the name it is bound to
    give_back: cst.Call  # the first give-back call of the function
    end: Optional[cst.CSTNode]  # the statement where a normal path leaves it unreturned, if any
    raiser: Optional[cst.CSTNode]  # a statement whose exception leaves it unreturned, if any


def is_checkout_name(method: str) -> bool:
    """A cheap first test in ``visit_Call``: could ``x.<method>()`` check something out?"""
    bare = method.lstrip("_").lower()
    return bare in _PAIRS or bare == "get" or any(bare.startswith(f"{verb}_") for verb in _TAKE)


def gives_back(take: str, give: str, receiver: str) -> bool:
    """``give`` is the give-back verb of the check-out ``take`` on ``receiver``."""
    take, give = take.lstrip("_").lower(), give.lstrip("_").lower()
    if give in _PAIRS.get(take, ()):
        return True
    if take == "get" and give == "put":
        return any(word in receiver.lower() for word in _POOLISH)
    for verb in _TAKE:
        if take.startswith(f"{verb}_"):
            noun = take[len(verb) + 1:]
            return bool(noun) and any(give == f"{back}_{noun}" for back in _GIVE)
    return False


def unreturned(  # type: ignore[no-untyped-def]
    context: FileContext, call: cst.Call, graph_of, called: Dict[int, FrozenSet[str]]
) -> Optional[Checkout]:
    """The check-out ``call`` when the same function gives its value back on some path but not
    on every one (a normal path, or one an exception takes out of the function). ``called`` is
    the caller's per-file cache of the method names each function calls."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return None
    node: cst.CSTNode = call
    parent = context.parent(call)
    if isinstance(parent, cst.Await):
        node, parent = parent, context.parent(parent)
    if not (isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1):
        return None
    target = parent.targets[0].target
    function = context.nearest(call, cst.FunctionDef)
    if not isinstance(target, cst.Name) or function is None:
        return None
    name = target.value
    take = func.attr.value
    if take.lstrip("_").lower() == "get" and not isinstance(func.value, (cst.Name, cst.Attribute)):
        return None
    receiver = context.code(func.value)
    if not any(gives_back(take, method, receiver) for method in _called_methods(function, called)):
        return None  # (most `x.get(...)` / `get_x()` calls: no give-back verb in the function at all)
    give_backs: List[cst.Call] = []
    uses: List[cst.Name] = []
    for inner in walk_scope(function):
        if isinstance(inner, (cst.FunctionDef, cst.Lambda, cst.ClassDef)) and inner is not function:
            if any(isinstance(n, cst.Name) and n.value == name for n in walk(inner)):
                return None  # a closure uses it: its lifetime is not this function's
            continue
        if isinstance(inner, cst.Name) and inner.value == name:
            uses.append(inner)
    for use in uses:
        if use is target:
            continue
        holder = context.parent(use)
        if isinstance(holder, cst.Arg) and holder.value is use:
            callee = context.parent(holder)
            if (
                isinstance(callee, cst.Call)
                and isinstance(callee.func, cst.Attribute)
                and context.code(callee.func.value) == receiver
                and gives_back(func.attr.value, callee.func.attr.value, receiver)
            ):
                give_backs.append(callee)
                continue
        if isinstance(holder, (cst.Return, cst.Yield, cst.Element, cst.DictElement, cst.StarredElement, cst.NameItem)):
            return None  # handed to the caller, a consumer or a container: theirs to give back
        if isinstance(holder, cst.Assign) and holder.value is use:
            return None  # aliased or stored
        if isinstance(holder, cst.AssignTarget) and use is not target:
            return None  # rebound: not followed
    if not give_backs:
        return None
    graph: Optional[ControlFlowGraph] = graph_of(function)
    if graph is None:
        return None
    acquiring = graph.node_of(target, context.parent)
    if not acquiring:
        return None
    releasing: Set[int] = set()
    for back in give_backs:
        nodes = graph.node_of(back, context.parent)
        if not nodes:
            return None
        releasing.add(id(nodes[0].statement))
    effects: Dict[int, int] = {key: RELEASE for key in releasing}

    def effect(node: Node) -> int:
        if node.kind in (LEAVE, JOIN, DISPATCH):
            return PASS
        return effects.get(id(node.statement), PASS)

    verdict = follow(graph, acquiring, effect)
    if verdict.gave_up or not verdict.released:
        return None
    end = verdict.normal.statement if verdict.normal is not None else None
    raiser = None
    if verdict.explicit is not None or verdict.implicit is not None:
        culprit = verdict.implicit or verdict.explicit
        raiser = culprit.statement if culprit is not None else None
    if end is None and raiser is None:
        return None
    if end is not None and verdict.normal_rebinds:
        return None  # the name is rebound in a loop: not followed
    return Checkout(call, name, give_backs[0], end, raiser)



def _called_methods(function: cst.FunctionDef, cache: Dict[int, FrozenSet[str]]) -> FrozenSet[str]:
    """The method names ``x.<name>(...)`` called in ``function``'s own scope (cached per function)."""
    found = cache.get(id(function))
    if found is None:
        found = frozenset(
            node.func.attr.value for node in walk_scope(function) if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
        )
        cache[id(function)] = found
    return found
