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
import weakref
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import last_name
from leaklint.analysis.resources import ResourceKind
from leaklint.analysis.walk import walk, walk_scope

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


# -- factories of other modules of the project -------------------------------------------------
#
# ``conn = db.connect(p)`` in app.py, where db.py's ``connect`` returns ``sqlite3.connect(p)``:
# neither file alone says it leaks. Each file's facts carry the factories it defines (qualified
# names, through re-exports of packages) and what happens to the result of every call of a
# function of another module: the findings it would get if that function were a factory,
# already rendered (the tree is gone by the project pass). The project pass keeps those whose
# callee turns out to be a factory that always returns a new resource.

# What a caller may call to release a value it knows nothing more about than "a factory of
# another module returned it": any of these counts as a release, so the verdict leans quiet.
FOREIGN_RELEASE = (
    "close", "aclose", "shutdown", "terminate", "kill", "wait", "release", "stop", "disconnect",
    "quit", "dispose", "cleanup", "communicate",
)
FOREIGN_PLACEHOLDER = "returns a new one"


def foreign_callee(context: FileContext, call: cst.Call, stdlib: frozenset, known: Iterable[str]) -> Optional[str]:
    """The qualified name of a function of another module that ``call`` calls, when it may be a
    module of this project: not this module, not a builtin or the standard library, not a
    catalogued acquisition (those are judged directly)."""
    func = call.func
    if isinstance(func, cst.Attribute):
        root: cst.BaseExpression = func
        while isinstance(root, cst.Attribute):
            root = root.value
        if not isinstance(root, cst.Name) or root.value in ("self", "cls"):
            return None
    elif not isinstance(func, cst.Name):
        return None
    terminal = func.attr.value if isinstance(func, cst.Attribute) else func.value
    if terminal[:1].isupper() and not _bound_by_assignment(context, call):
        # A class: only a class of the project whose instances own a resource matters
        # (analysis/resource_classes.py), and only bound to a name or attribute.
        return None
    if isinstance(context.parent(call), cst.Expr):
        return None  # a result dropped at once: rare for a factory, and common for everything else
    qualified = context.qualified_name(func)
    if qualified is None or "." not in qualified or qualified in known:
        return None
    if qualified.startswith(context.module_name + ".") and qualified.count(".") == context.module_name.count(".") + 1:
        return None  # a function of this module (its own factories are found directly)
    top = qualified.split(".", 1)[0]
    if top in stdlib or top in ("builtins", "__main__"):
        return None
    if "." in context.module_name and top != context.module_name.split(".", 1)[0]:
        return None  # a module of a package calls into another distribution: not this project's
    return qualified


def _bound_by_assignment(context: FileContext, call: cst.Call) -> bool:
    """``x = Client(...)``, ``self.c = c or Client()``, ``x = Client() if ... else y``."""
    node: cst.CSTNode = call
    parent = context.parent(node)
    while isinstance(parent, (cst.IfExp, cst.BooleanOperation, cst.Await)):
        node, parent = parent, context.parent(parent)
    return isinstance(parent, (cst.Assign, cst.AnnAssign)) and getattr(parent, "value", None) is node


def foreign_kind(family: str, qualified: str, shown: str, with_closes: bool) -> ResourceKind:
    """The kind a value returned by ``qualified`` would have, if it is a factory: released by
    any of the common release methods."""
    return ResourceKind(
        qualified, family, release=FOREIGN_RELEASE, with_closes=with_closes, factory=shown, var="handle"
    )


def resolve_exported(name: str, factories_by_name: Dict[str, Dict], exports: Dict[str, str]) -> Optional[Dict]:
    """The factory ``name`` refers to, following re-exports (``from .db import connect`` in a
    package's ``__init__``) and modules re-exported whole (``pkg.db`` for ``pkg._db``)."""
    for _ in range(6):
        if name in factories_by_name:
            return factories_by_name[name]
        if name in exports and exports[name] != name:
            name = exports[name]
            continue
        owner, _, attr = name.rpartition(".")
        if owner in exports and exports[owner] != owner:
            name = f"{exports[owner]}.{attr}"
            continue
        return None
    return None


def inherited_callee(context: FileContext, call: cst.Call) -> Optional[str]:
    """``pkg.mod.Class.m`` for ``self.m(...)`` in a method of ``Class`` (a module-level class
    with base classes) that does not define ``m`` itself: a base class, maybe in another module,
    does, and the project pass looks it up through the MRO (analysis/inherited.py)."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self"):
        return None
    if isinstance(context.parent(call), cst.Expr):
        return None  # a result dropped at once
    function = context.nearest(call, cst.FunctionDef)
    cls = context.enclosing_class(call)
    if function is None or cls is None or not isinstance(context.parent(cls), cst.Module):
        return None
    block = context.parent(function)
    if block is None or context.parent(block) is not cls:
        return None  # a nested function's `self` may be anything
    if not any(not (isinstance(b.value, cst.Name) and b.value.value == "object") for b in cls.bases):
        return None
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    name = func.attr.value
    if any(isinstance(s, cst.FunctionDef) and s.name.value == name for s in body):
        return None  # its own method: judged in this file
    return f"{context.module_name}.{cls.name.value}.{name}"


# Per file (its context): id(ClassDef) -> attribute -> the one constructor call assigned to it.
_MEMBER_CLASSES: "weakref.WeakKeyDictionary[FileContext, Dict[int, Dict[str, Optional[cst.Call]]]]" = weakref.WeakKeyDictionary()


def member_constructor(context: FileContext, cls: cst.ClassDef, attr: str) -> Optional[cst.Call]:
    """The one ``self.<attr> = Class(...)`` of ``cls`` (None when the attribute is assigned
    anything else, or more than once), from one walk of the class per file."""
    tables = _MEMBER_CLASSES.get(context)
    if tables is None:
        tables = _MEMBER_CLASSES[context] = {}
    table = tables.get(id(cls))
    if table is None:
        table = {}
        for node in walk(cls):
            if type(node) is not cst.Assign:
                continue
            for target in node.targets:  # type: ignore[attr-defined]
                place = target.target
                if isinstance(place, cst.Attribute) and isinstance(place.value, cst.Name) and place.value.value == "self":
                    name = place.attr.value
                    value = node.value  # type: ignore[attr-defined]
                    table[name] = value if name not in table and isinstance(value, cst.Call) and len(node.targets) == 1 else None  # type: ignore[attr-defined]
        tables[id(cls)] = table
    return table.get(attr)


def instance_callee(context: FileContext, call: cst.Call, stdlib: frozenset) -> Optional[str]:
    """``pkg.mod.Client.connect`` for ``sock = client.connect()`` where ``client = Client(...)``
    is bound once, at the top of the same function, to a class that may be the project's: the
    project pass finds the definition of ``connect`` through ``Client``'s MRO and whether it is a
    factory. Only top-level statements are read (cheap, and a binding in one branch is not sure)."""
    func = call.func
    if not isinstance(func, cst.Attribute) or isinstance(context.parent(call), cst.Expr):
        return None
    receiver_expr = func.value
    if isinstance(receiver_expr, cst.Attribute) and isinstance(receiver_expr.value, cst.Name) \
            and receiver_expr.value.value == "self":
        # `conn = self.pool.connect()` with `self.pool = Pool(...)` the class's one assignment
        cls = context.enclosing_class(call)
        made_here = member_constructor(context, cls, receiver_expr.attr.value) if cls is not None else None
        return _class_method(context, made_here, func.attr.value, stdlib) if made_here is not None else None
    if not isinstance(receiver_expr, cst.Name) or receiver_expr.value in ("self", "cls"):
        return None
    function = context.nearest(call, cst.FunctionDef)
    if function is None or not isinstance(function.body, cst.IndentedBlock):
        return None
    receiver = func.value.value
    params = function.params
    if any(p.name.value == receiver for p in (*params.posonly_params, *params.params, *params.kwonly_params)):
        return None
    made: Optional[cst.Call] = None
    for statement in function.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == receiver for t in small.targets):
                if made is not None or len(small.targets) != 1 or not isinstance(small.value, cst.Call):
                    return None  # bound twice, or to something else
                made = small.value
    if made is None:
        return None
    # The class first (most receivers are not made by a class of the project): the walk over
    # the function below is the expensive part.
    found = _class_method(context, made, func.attr.value, stdlib)
    if found is None:
        return None
    for node in walk_scope(function):
        if type(node) is cst.Name and node.value == receiver:
            parent = context.parent(node)
            if (isinstance(parent, (cst.AsName, cst.NameItem)) or (isinstance(parent, cst.AssignTarget) and getattr(context.parent(parent), "value", None) is not made)
                    or (isinstance(parent, (cst.For, cst.CompFor, cst.AugAssign, cst.NamedExpr)) and parent.target is node)):
                return None  # bound again somewhere in the function
    return found


def _class_method(context: FileContext, made: cst.Call, method: str, stdlib: frozenset) -> Optional[str]:
    """``pkg.mod.Class.method`` when ``made`` is ``Class(...)`` of a class that may be the project's."""
    terminal = last_name(made.func) or ""
    if not terminal[:1].isupper():
        return None
    qualified = context.qualified_name(made.func)
    if qualified is None or "." not in qualified or qualified.split(".", 1)[0] in stdlib or qualified.startswith("builtins."):
        return None
    return f"{qualified}.{method}"
