"""Functions that return a new resource: ``def connect(): return sqlite3.connect(DB)``.

A call to such a function acquires the resource just as the call inside it does, so the resource
rules check ``db = connect()`` (never closed) and ``with connect() as db:`` (sqlite3's ``with``
does not close) like ``db = sqlite3.connect(DB)``. Only functions of this module are looked
into: module-level functions called by name, and methods of a module-level class called on
``self``/``cls`` inside that class. A function is a factory when a resource it acquires is
returned (directly, or through a local name that nothing else keeps) and it is not a generator,
a cached or decorated function, or ``__enter__``.

``always`` says whether every value it returns is such a fresh resource (or ``None``): only
then does a caller own what it gets. ``asyncio.get_running_loop()`` on one path and
``asyncio.new_event_loop()`` on another makes a "sometimes" factory, whose callers cannot
simply close the result; the rules only use those when the result is stored on ``self`` and
the class never releases that attribute on any path.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.resources import ResourceKind
from leaklint.analysis.walk import walk_scope

_PLAIN_DECORATORS = frozenset({"staticmethod", "classmethod"})
_NOT_FACTORIES = frozenset({"__enter__", "__aenter__", "__init__", "__new__", "__iter__", "__aiter__", "__next__"})
MAX_ROUNDS = 3  # a factory of a factory of a factory


@dataclass(frozen=True)
class Factory:
    function: cst.FunctionDef
    kind: ResourceKind  # what it returns (``factory`` names the function)
    inner: cst.Call  # the acquisition inside it (or the inner factory call)
    always: bool
    cls: Optional[cst.ClassDef]  # a method of this class


def plain_function(context: FileContext, scope: cst.CSTNode) -> Optional[Tuple[cst.FunctionDef, Optional[cst.ClassDef]]]:
    """``scope`` as a module-level function or a method of a module-level class, with no
    decorator other than ``staticmethod``/``classmethod``; None otherwise."""
    if not isinstance(scope, cst.FunctionDef) or scope.name.value in _NOT_FACTORIES:
        return None
    for decorator in scope.decorators:
        if not (isinstance(decorator.decorator, cst.Name) and decorator.decorator.value in _PLAIN_DECORATORS):
            return None  # @contextmanager, @lru_cache, @property...: not a plain call returning it
    block = context.parent(scope)
    owner = context.parent(block) if block is not None else None
    if isinstance(owner, cst.ClassDef) and isinstance(context.parent(owner), cst.Module):
        return scope, owner
    if isinstance(block, cst.Module):
        return scope, None
    return None


def resolve(context: FileContext, call: cst.Call, by_name: Dict[Tuple[Optional[int], str], Factory]) -> Optional[Factory]:
    """The factory ``call`` calls: ``connect(...)`` (a module-level function of this module) or
    ``self.connect(...)`` / ``cls.connect(...)`` inside the class that defines it."""
    func = call.func
    if isinstance(func, cst.Name):
        found = by_name.get((None, func.value))
        if found is None:
            return None
        if context.qualified_name(func) != f"{context.module_name}.{func.value}":
            return None  # shadowed by a parameter or a local
        return found
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in ("self", "cls"):
        cls = context.enclosing_class(call)
        if cls is None:
            return None
        return by_name.get((id(cls), func.attr.value))
    return None


def index(factories: Iterable[Factory]) -> Dict[Tuple[Optional[int], str], Factory]:
    table: Dict[Tuple[Optional[int], str], Factory] = {}
    for factory in factories:
        key = (id(factory.cls) if factory.cls is not None else None, factory.function.name.value)
        previous = table.get(key)
        # Two resources returned from one function: keep the one every path returns.
        if previous is None or (factory.always and not previous.always):
            table[key] = factory
    return table


def made_by(kind: ResourceKind, function: cst.FunctionDef, cls: Optional[cst.ClassDef]) -> ResourceKind:
    name = f"{cls.name.value}.{function.name.value}" if cls is not None else function.name.value
    return dataclasses.replace(kind, factory=name, maybe_none=kind.maybe_none or may_return_none(function))


def may_return_none(function: cst.FunctionDef) -> bool:
    """``return None``, a bare ``return``, or a body that may end without a ``return``."""
    for node in walk_scope(function):
        if isinstance(node, cst.Return) and (node.value is None or (isinstance(node.value, cst.Name) and node.value.value == "None")):
            return True
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    last = body[-1] if body else None
    if isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], (cst.Return, cst.Raise)):
        return False
    if isinstance(last, cst.Try) and not last.handlers:
        return False  # try: ... return x / finally: ...  (approximate: the body returns)
    return not isinstance(last, cst.Try) or any(
        not (h.body.body and isinstance(h.body.body[-1], cst.SimpleStatementLine) and isinstance(h.body.body[-1].body[-1], (cst.Return, cst.Raise)))
        for h in last.handlers
    )


def candidate_calls(calls: List[cst.Call], table: Dict[Tuple[Optional[int], str], Factory]) -> List[cst.Call]:
    """A cheap filter on spelling before name resolution."""
    names = {name for _, name in table}
    found = []
    for call in calls:
        func = call.func
        if isinstance(func, cst.Name) and func.value in names:
            found.append(call)
        elif isinstance(func, cst.Attribute) and func.attr.value in names:
            found.append(call)
    return found
