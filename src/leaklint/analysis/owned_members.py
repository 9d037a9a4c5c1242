"""Objects of the module's own resource-holding classes that their owner forgets to close.

``class Storage`` keeps ``self.db = sqlite3.connect(p)`` and closes it in ``close()``; ``class
App`` makes ``self.storage = Storage(p)`` and has a ``close()`` of its own that never calls
``self.storage.close()``. Closing the ``App`` leaves the database open: the owner has a release
path, and this member is not on it. Only classes of one module are joined (no base classes, so
no inherited release method can do it), and an owner that hands the member on (an argument, a
return, an alias, ``with``) or that anything in the module closes as ``obj.<member>.close()`` is
left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, Iterator, Optional, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.lifetimes import class_methods as _methods
from leaklint.analysis.walk import walk

# Methods that release what an object holds, for the member's class and for the owner.
_MEMBER_RELEASES = ("close", "shutdown", "stop", "terminate", "cleanup", "release", "disconnect", "dispose")
_OWNER_RELEASES = ("close", "__exit__", "shutdown", "stop", "terminate", "cleanup", "dispose", "disconnect")
# Uses of the member that release it whatever the member's class calls its method.
_ANY_RELEASE = frozenset(_MEMBER_RELEASES) | {"aclose", "__exit__", "__aexit__", "__del__", "join", "kill", "quit"}


@dataclass(frozen=True)
class ForgottenMember:
    call: cst.Call  # ``Storage(p)`` in the owner
    member: str  # ``storage``
    member_class: cst.ClassDef
    release: str  # the member's release method (``close``)
    resource: str  # the attribute of the member's class that holds the resource (``db``)
    owner: cst.ClassDef
    owner_release: str  # the owner's release method that forgets it


def forgotten_members(context: FileContext, stored: Iterable[cst.Call], local_calls: Iterable[cst.Call]) -> Iterator[ForgottenMember]:
    """``stored``: the resource acquisitions of the file (the rule has found them already);
    ``local_calls``: calls by bare name, among them ``Holder(...)``. Nothing is walked unless a
    class of the module stores a resource on ``self``."""
    classes = {s.name.value: s for s in context.module.body if isinstance(s, cst.ClassDef) and _plain(s)}
    if len(classes) < 2:
        return
    holders: Dict[str, Tuple[str, str]] = {}
    for call in stored:
        cls = context.enclosing_class(call)
        if cls is None or classes.get(cls.name.value) is not cls or cls.name.value in holders:
            continue
        found = _holds_resource(context, cls, call)
        if found is not None:
            holders[cls.name.value] = found
    if not holders:
        return
    for call in local_calls:
        name = _called_name(call)
        if name not in holders:
            continue
        assign = context.parent(call)
        if not (isinstance(assign, cst.Assign) and assign.value is call and len(assign.targets) == 1):
            continue
        member = _self_attr(assign.targets[0].target)
        owner = context.enclosing_class(call)
        if member is None or owner is None or classes.get(owner.name.value) is not owner or owner.name.value == name:
            continue
        if context.qualified_name(call.func) not in (f"{context.module_name}.{name}", None):
            continue
        owner_release = _first_method(owner, _OWNER_RELEASES)
        if owner_release is None or _is_async(owner, owner_release):
            continue
        release, resource = holders[name]
        if _owner_releases(context, owner, member, release):
            continue
        yield ForgottenMember(call, member, classes[name], release, resource, owner, owner_release)


def _plain(cls: cst.ClassDef) -> bool:
    """No base classes (besides ``object``) and no metaclass: its methods are all here."""
    return not cls.keywords and all(isinstance(b.value, cst.Name) and b.value.value == "object" for b in cls.bases)


def _first_method(cls: cst.ClassDef, names: Tuple[str, ...]) -> Optional[str]:
    present = {m.name.value for m in _methods(cls)}
    return next((name for name in names if name in present), None)


def _is_async(cls: cst.ClassDef, name: str) -> bool:
    return any(m.name.value == name and m.asynchronous is not None for m in _methods(cls))


def _self_attr(node: cst.CSTNode) -> Optional[str]:
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == "self":
        return node.attr.value
    return None


def _holds_resource(context: FileContext, cls: cst.ClassDef, call: cst.Call) -> Optional[Tuple[str, str]]:
    """(its release method, the attribute it releases there) when ``call`` (a resource made in
    ``cls``) is stored as ``self.<attr>`` and a synchronous release method of ``cls`` uses it."""
    release = _first_method(cls, _MEMBER_RELEASES)
    if release is None or _is_async(cls, release):
        return None
    assign = context.parent(call)
    if not (isinstance(assign, cst.Assign) and assign.value is call and len(assign.targets) == 1):
        return None
    attr = _self_attr(assign.targets[0].target)
    if attr is None:
        return None
    method = next(m for m in _methods(cls) if m.name.value == release)
    for node in walk(method):
        if _self_attr(node) == attr:
            return release, attr
    return None


def _called_name(call: cst.Call) -> str:
    return call.func.value if isinstance(call.func, cst.Name) else ""


def _owner_releases(context: FileContext, owner: cst.ClassDef, member: str, release: str) -> bool:
    """Anything in the owner releases ``self.<member>`` or hands it on; or anything outside it
    releases ``<obj>.<member>``."""
    for node in walk(context.module):
        if not (isinstance(node, cst.Attribute) and node.attr.value == member):
            continue
        inside = _self_attr(node) is not None
        if inside and context.enclosing_class(node) is not owner:
            continue  # another class's attribute of the same name
        parent = context.parent(node)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            if parent.attr.value == release or parent.attr.value in _ANY_RELEASE:
                return True
            grand = context.parent(parent)
            if isinstance(grand, cst.Attribute) and grand.value is parent and grand.attr.value in _ANY_RELEASE:
                return True  # `self.storage.db.close()`: the owner releases what the member holds
            continue  # a method call or attribute read: borrowed
        if not inside:
            continue
        if isinstance(parent, cst.AssignTarget):
            continue
        if isinstance(parent, (cst.If, cst.While, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation, cst.BooleanOperation)):
            continue
        if isinstance(parent, cst.Call) and parent.func is node:
            continue
        return True  # handed on: an argument, returned, aliased, `with`, kept in a container
    return False
