"""Classes of the project whose instances are resources: they own one and ``close()`` frees it.

``class Repo: def __init__(self): self.db = sqlite3.connect(p)`` / ``def close(self):
self.db.close()``: a ``Repo(root)`` made per call and dropped unclosed leaks the connection just
like ``sqlite3.connect(p)`` would, and the rules judge it the same way (never closed, lost when a
``raise`` leaves first, stored on ``self`` by an owner that never closes it).

A class qualifies when it defines ``close``/``aclose`` itself (or inherits it from a class of
this module that qualifies) and that method releases an attribute the class itself fills with a
resource: a catalogued acquisition (``socket.socket()``, ``aiohttp.ClientSession()``) or an
instance of another qualifying class. ``x = param or Session()`` and ``Session() if ... else
param`` count (the class made it when the caller gave none). A wrapper whose ``close()`` only
closes what the caller handed it (``Reader(f)``) does not qualify: its owner is the caller.

``weak`` marks a class that is a context manager whose ``close()`` releases a member it got from
its caller: the author says instances must be closed, but whether the member is the instance's
own to close is not visible, so its findings are of low confidence.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Dict, Iterator, List, Mapping, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.resources import RESOURCE, ResourceKind
from leaklint.analysis.walk import walk_scope

RELEASE_METHODS = ("close", "aclose")
# What a class's close() may call on a member to release it.
MEMBER_RELEASES = frozenset({"close", "aclose", "shutdown", "terminate", "kill", "disconnect", "dispose", "wait"})


@dataclass(frozen=True)
class ResourceClass:
    cls: cst.ClassDef
    kind: ResourceKind
    weak: bool  # only a context manager closing a member its caller gave (low confidence)
    released: str  # the attribute its close() releases, for messages


_CACHE: "weakref.WeakKeyDictionary[FileContext, Dict[str, ResourceClass]]" = weakref.WeakKeyDictionary()


def resource_classes(context: FileContext, kinds: Mapping[str, ResourceKind]) -> Dict[str, ResourceClass]:
    """The module-level classes of this module whose instances are resources, by class name."""
    cached = _CACHE.get(context)
    if cached is not None:
        return cached
    classes = [s for s in context.module.body if isinstance(s, cst.ClassDef)]
    found: Dict[str, ResourceClass] = {}
    if any(_method(c, name) is not None for c in classes for name in RELEASE_METHODS):
        by_name = {c.name.value: c for c in classes}
        for _ in range(3):  # a class owning an instance of a class owning a socket
            added = False
            for cls in classes:
                before = found.get(cls.name.value)
                if before is not None and not before.weak:
                    continue
                made = _judge(context, cls, by_name, found, kinds)
                if made is not None and (before is None or not made.weak):
                    # new, or owning after all: its member's class was judged later in the file
                    found[cls.name.value] = made
                    added = True
            if not added:
                break
    _CACHE[context] = found
    return found


def _judge(
    context: FileContext, cls: cst.ClassDef, by_name: Dict[str, cst.ClassDef], found: Dict[str, ResourceClass],
    kinds: Mapping[str, ResourceKind],
) -> Optional[ResourceClass]:
    owner = _release_owner(cls, by_name)
    if owner is None:
        return None
    close_name, defining = owner
    close = _method(defining, close_name)
    assert close is not None
    released = _released_members(close)
    if not released:
        return None
    acquired: Optional[str] = None
    for candidate in (cls, defining) if defining is not cls else (cls,):
        acquired = acquired or _acquired_member(context, candidate, released, found, kinds)
    is_async = isinstance(close.asynchronous, cst.Asynchronous)
    enter_exit = _has_exit(cls, by_name, is_async)
    weak = acquired is None
    if weak and not enter_exit:
        return None
    kind = ResourceKind(
        f"{context.module_name}.{cls.name.value}",
        RESOURCE,
        release=(close_name,),
        is_async=is_async,
        with_closes=enter_exit,
        with_release=close_name,
        var=_variable_name(cls.name.value),
    )
    return ResourceClass(cls, kind, weak=weak, released=acquired or sorted(released)[0])


def _release_owner(cls: cst.ClassDef, by_name: Dict[str, cst.ClassDef]) -> Optional[Tuple[str, cst.ClassDef]]:
    """(release method name, the class of this module defining it) for ``cls`` or a base."""
    seen: Set[str] = set()
    current: Optional[cst.ClassDef] = cls
    while current is not None and current.name.value not in seen:
        seen.add(current.name.value)
        for name in RELEASE_METHODS:
            if _method(current, name) is not None:
                return name, current
        bases = [b.value for b in current.bases if isinstance(b.value, cst.Name)]
        current = by_name.get(bases[0].value) if len(bases) == 1 and len(current.bases) == 1 else None
    return None


def _has_exit(cls: cst.ClassDef, by_name: Dict[str, cst.ClassDef], is_async: bool) -> bool:
    seen: Set[str] = set()
    current: Optional[cst.ClassDef] = cls
    wanted = "__aexit__" if is_async else "__exit__"
    while current is not None and current.name.value not in seen:
        seen.add(current.name.value)
        if _method(current, wanted) is not None:
            return True
        bases = [b.value for b in current.bases if isinstance(b.value, cst.Name)]
        current = by_name.get(bases[0].value) if len(bases) == 1 else None
    return False


def _method(cls: cst.ClassDef, name: str) -> Optional[cst.FunctionDef]:
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            return statement
    return None


def _methods(cls: cst.ClassDef) -> Iterator[cst.FunctionDef]:
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, cst.FunctionDef):
            yield statement


def _self_member(expr: cst.BaseExpression) -> Optional[str]:
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == "self":
        return expr.attr.value
    return None


def _released_members(close: cst.FunctionDef) -> Set[str]:
    """The attributes ``close`` releases: ``self.sock.close()``, ``await self.session.close()``."""
    released: Set[str] = set()
    for node in walk_scope(close):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in MEMBER_RELEASES:
            member = _self_member(node.func.value)
            if member is not None:
                released.add(member)
    return released


def _acquired_member(
    context: FileContext, cls: cst.ClassDef, released: Set[str], found: Dict[str, ResourceClass],
    kinds: Mapping[str, ResourceKind],
) -> Optional[str]:
    """A released attribute some method of ``cls`` fills with a new resource."""
    for method in _methods(cls):
        for node in walk_scope(method):
            if type(node) is cst.Assign:
                targets = [t.target for t in node.targets]  # type: ignore[attr-defined]
                value = node.value  # type: ignore[attr-defined]
            elif type(node) is cst.AnnAssign and node.value is not None:  # type: ignore[attr-defined]
                targets = [node.target]  # type: ignore[attr-defined]
                value = node.value  # type: ignore[attr-defined]
            else:
                continue
            for target in targets:
                member = _self_member(target)
                if member in released and _makes_resource(context, value, found, kinds):
                    return member
    return None


def _makes_resource(
    context: FileContext, value: cst.BaseExpression, found: Dict[str, ResourceClass], kinds: Mapping[str, ResourceKind]
) -> bool:
    """``socket.socket()``, ``Scm(root)`` (a qualifying class), ``session or ClientSession()``,
    ``ClientSession() if session is None else session``."""
    for call in made_calls(value):
        func = call.func
        if isinstance(func, cst.Name) and func.value in found and not found[func.value].weak:
            return True
        qualified = context.qualified_name(func) if isinstance(func, (cst.Name, cst.Attribute)) else None
        if qualified is not None and qualified in kinds:
            return True
    return False


def made_calls(value: cst.BaseExpression) -> List[cst.Call]:
    """The calls whose result an assignment may store: ``C()``, ``await C()``, ``None if x else C()``,
    ``given or C()``."""
    if isinstance(value, cst.Await):
        return made_calls(value.expression)
    if isinstance(value, cst.Call):
        return [value]
    if isinstance(value, cst.BooleanOperation):
        return made_calls(value.left) + made_calls(value.right)
    if isinstance(value, cst.IfExp):
        return made_calls(value.body) + made_calls(value.orelse)
    return []


def _variable_name(class_name: str) -> str:
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+", class_name)
    last = words[-1].lower() if words else "resource"
    return last if last.isidentifier() and last not in ("self", "cls") else "resource"


def class_calls(context: FileContext, calls: List[cst.Call], classes: Dict[str, ResourceClass]) -> List[cst.Call]:
    """The calls among ``calls`` that construct one of this module's resource classes by name
    (not ``Muxer(...).open()`` where that method returns the instance itself)."""
    found = []
    by_name = {c.name.value: c for c in context.module.body if isinstance(c, cst.ClassDef)}
    for call in calls:
        func = call.func
        if isinstance(func, cst.Name) and func.value in classes:
            if context.qualified_name(func) != classes[func.value].kind.qualname:
                continue
            parent = context.parent(call)
            if isinstance(parent, cst.Attribute) and _returns_self(classes[func.value].cls, parent.attr.value, by_name):
                continue
            found.append(call)
    return found


def _returns_self(cls: cst.ClassDef, method_name: str, by_name: Dict[str, cst.ClassDef]) -> bool:
    seen: Set[str] = set()
    current: Optional[cst.ClassDef] = cls
    while current is not None and current.name.value not in seen:
        seen.add(current.name.value)
        method = _method(current, method_name)
        if method is not None:
            return any(
                isinstance(node, cst.Return) and isinstance(node.value, cst.Name) and node.value.value == "self"
                for node in walk_scope(method)
            )
        bases = [b.value for b in current.bases if isinstance(b.value, cst.Name)]
        current = by_name.get(bases[0].value) if len(bases) == 1 else None
    return True  # inherited from elsewhere: unknown, stay quiet


_OWNER_RELEASES = ("close", "aclose", "__exit__", "__aexit__", "shutdown", "stop", "disconnect", "cleanup")


def exposed_member(context: FileContext, call: cst.Call, stored_on_self: bool, name: Optional[str]) -> bool:
    """``self.shm = SharedMemory(...)`` in a class with no release method of its own (nor one
    of a base class of this module): a public attribute of such an owner is often part of its
    interface (the caller closes ``owner.shm``), so its findings are of low confidence."""
    if not stored_on_self or not name or not name.startswith("self.") or name[len("self."):].startswith("_"):
        return False
    cls = context.enclosing_class(call)
    if cls is None:
        return False
    by_name = {c.name.value: c for c in context.module.body if isinstance(c, cst.ClassDef)}
    seen: Set[str] = set()
    current: Optional[cst.ClassDef] = cls
    while current is not None and current.name.value not in seen:
        seen.add(current.name.value)
        if any(_method(current, method) is not None for method in _OWNER_RELEASES):
            return False
        bases = [b.value for b in current.bases if isinstance(b.value, cst.Name)]
        current = by_name.get(bases[0].value) if len(bases) == 1 else None
    return True
