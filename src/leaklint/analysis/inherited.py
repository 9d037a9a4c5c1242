"""Resources across the project's class hierarchy: what base classes in other modules release.

``class Client(BaseClient)`` stores ``self.sock = socket.create_connection(...)``; whether the
socket is ever closed depends on ``BaseClient`` (maybe in another module), whose ``close()`` may
call ``self.sock.close()``. One file cannot tell, so the resource rules hand the question to the
project pass with the facts below.

Per file, for every module-level class (collected with the class graph's walk, see
``analysis/class_graph.py``): its bases (qualified), the methods it defines, the attributes of
``self`` its code releases or hands on anywhere (``self.x.close()``, ``register(self.x)``,
``with self.x:``, ``return self.x``), and whether a release method of it reaches attributes in
ways no name shows (``getattr(self, name)``, ``vars(self)``, ``self.__dict__``).

The project pass (``Hierarchy``) walks the method resolution order: an attribute stored by a
class is released when any class of its MRO releases it; the answer is unknown (quiet) when a
base is not a class of the project (``threading.Thread``, ``socketserver.TCPServer`` release
things themselves) or a release method is opaque. It also finds which class of the MRO defines a
method, so ``self._connect()`` reaches the base class's factory.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Set, Tuple

import libcst as cst

# Method calls on ``self.<attr>`` that release what it holds (kept in step with ownership.py's
# RELEASE_METHODS, which this module cannot import: the class graph imports it).
RELEASES = frozenset(
    {
        "close", "aclose", "shutdown", "terminate", "cleanup", "quit", "wait", "communicate", "kill",
        "stop", "release", "disconnect", "detach", "__exit__", "__aexit__", "dispose", "join",
    }
)
OPAQUE_NAMES = frozenset({"getattr", "vars", "setattr"})
_BORROWING_PARENTS = (
    cst.If, cst.While, cst.Comparison, cst.ComparisonTarget, cst.UnaryOperation, cst.Del, cst.Assert,
    cst.BooleanOperation, cst.Subscript, cst.FormattedStringExpression,
)
_EXTERNAL = "?"  # in an MRO: a base that is not a class of the project
# Bases outside the project that define no method an instance's release could go through:
# `abc.ABC` is only `metaclass=ABCMeta` (Lib/abc.py), `typing.Generic` only class-level hooks.
_TRANSPARENT = frozenset({"builtins.object", "object", "abc.ABC", "typing.Generic"})
IN_RELEASE = "@"  # in ``released``: "@x" when a release method (close, __exit__...) releases self.x


def releases_or_hands_on(parent: Callable[[cst.CSTNode], Optional[cst.CSTNode]], node: cst.Attribute) -> bool:
    """Whether this use of ``self.<attr>`` releases the value or hands it to code that may:
    a release call, ``with``, an argument, a return, an alias, an item of a display."""
    above = parent(node)
    if isinstance(above, cst.Attribute) and above.value is node:
        return above.attr.value in RELEASES
    if isinstance(above, cst.AssignTarget) or (isinstance(above, (cst.AnnAssign, cst.AugAssign)) and above.target is node):
        return False
    if isinstance(above, _BORROWING_PARENTS):
        return False
    if isinstance(above, (cst.For, cst.CompFor)) and above.iter is node:
        return False
    if isinstance(above, cst.Call) and above.func is node:
        return False
    if isinstance(above, cst.Arg):
        call = parent(above)
        if isinstance(call, cst.Call) and isinstance(call.func, cst.Name) and call.func.value in (
                "isinstance", "len", "repr", "str", "id", "hasattr", "print", "type", "bool", "callable"):
            return False
    return True


def scan_method(
    parent: Callable[[cst.CSTNode], Optional[cst.CSTNode]], nodes: Sequence[cst.CSTNode], self_name: str, releasing: bool,
    released: Set[str],
) -> bool:
    """Adds to ``released`` the attributes of ``self_name`` the method releases or hands on;
    True when ``releasing`` (a release method) reaches attributes by name at run time."""
    opaque = False
    for node in nodes:
        kind = type(node)
        if kind is cst.Attribute:
            value = node.value  # type: ignore[attr-defined]
            if type(value) is cst.Name and value.value == self_name:
                attr = node.attr.value  # type: ignore[attr-defined]
                if releasing and attr == "__dict__":
                    opaque = True  # `for v in self.__dict__.values(): v.close()`
                if (attr not in released or (releasing and IN_RELEASE + attr not in released)) \
                        and releases_or_hands_on(parent, node):  # type: ignore[arg-type]
                    released.add(attr)
                    if releasing:
                        released.add(IN_RELEASE + attr)  # (a property released there may be any attribute)
            elif releasing and node.attr.value == "__dict__":  # type: ignore[attr-defined]
                opaque = True
        elif releasing and kind is cst.Name and node.value in OPAQUE_NAMES:  # type: ignore[attr-defined]
            opaque = True
    return opaque


def class_records(classes: Sequence[Any]) -> Dict[str, List[Any]]:
    """``{qualified: [bases, released attributes, methods, opaque]}`` for the class graph's
    ``ClassInfo`` records of one file (plain data: it goes into the resource rules' facts)."""
    return {
        info.name: [list(info.bases), sorted(getattr(info, "released", ())), sorted(info.methods), bool(getattr(info, "opaque", False))]
        for info in classes
    }


class Hierarchy:
    """Every file's class records, with re-exports, for MRO questions in the project pass."""

    def __init__(self, classes: Mapping[str, Sequence[Any]], exports: Mapping[str, str]) -> None:
        self.classes = classes
        self.exports = exports
        self._mro: Dict[str, Tuple[str, ...]] = {}
        self._subclasses: Optional[Dict[str, List[str]]] = None

    def resolve(self, name: str) -> Optional[str]:
        for _ in range(8):
            if name in self.classes:
                return name
            if name in self.exports and self.exports[name] != name:
                name = self.exports[name]
                continue
            owner, _, attr = name.rpartition(".")
            if owner in self.exports and self.exports[owner] != owner:
                name = f"{self.exports[owner]}.{attr}"
                continue
            return None
        return None

    def mro(self, name: str) -> Tuple[str, ...]:
        """``name`` and its bases, depth first (an approximation of C3 that is exact for single
        inheritance); ``?`` stands for a base outside the project."""
        cached = self._mro.get(name)
        if cached is not None:
            return cached
        order: List[str] = []
        stack = [name]
        seen: Set[str] = set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            record = self.classes.get(current)
            if record is None:
                order.append(_EXTERNAL)
                continue
            order.append(current)
            for base in reversed(record[0]):
                if base in _TRANSPARENT:
                    continue
                resolved = self.resolve(base)
                stack.append(resolved if resolved is not None else f"{_EXTERNAL}{base}")
        result = tuple(order)
        self._mro[name] = result
        return result

    def bases_release(self, name: str, attr: str) -> Optional[bool]:
        """Whether a class of ``name``'s MRO (other than itself) releases or hands on
        ``self.<attr>``: True / False, None when unknown (a base outside the project, an opaque
        release method, or ``name`` itself unknown)."""
        resolved = self.resolve(name)
        if resolved is None:
            return None
        order = self.mro(resolved)
        if any(item.startswith(_EXTERNAL) for item in order):
            return None
        methods = {method for cls in order for method in self.classes[cls][2]}
        for cls in order[1:]:
            _bases, released, _methods, opaque = self.classes[cls]
            if opaque or attr in released or _property_released(released, methods):
                return True
        return False

    def subclasses_release(self, name: str, attr: str) -> bool:
        """Whether a subclass of ``name`` anywhere in the project releases or hands on
        ``self.<attr>`` (its ``close()`` releases what the base class's ``__init__`` opened)."""
        if self._subclasses is None:
            self._subclasses = {}
            for cls in self.classes:
                for base in self.mro(cls)[1:]:
                    self._subclasses.setdefault(base, []).append(cls)
        for sub in self._subclasses.get(name, ()):
            _bases, released, methods, opaque = self.classes[sub]
            if opaque or attr in released or _property_released(released, methods):
                return True
        return False

    def defining_class(self, name: str, method: str) -> Optional[str]:
        """The class of ``name``'s MRO whose ``method`` an instance of ``name`` calls (None when
        unknown or reached through a base outside the project first)."""
        resolved = self.resolve(name)
        if resolved is None:
            return None
        for cls in self.mro(resolved):
            if cls.startswith(_EXTERNAL):
                return None
            if method in self.classes[cls][2]:
                return cls
        return None


_RECORDS: "weakref.WeakKeyDictionary[Any, Dict[str, List[Any]]]" = weakref.WeakKeyDictionary()


def file_classes(context: Any) -> Dict[str, List[Any]]:
    """The class records of one file: one object for LKL301 and LKL302 (the class graph's facts
    are computed once per file, and the two rules' facts share what they hold)."""
    from leaklint.analysis.class_graph import collect_class_facts  # the class graph imports this module

    cached = _RECORDS.get(context)
    if cached is None:
        classes = collect_class_facts(context).classes
        cached = _RECORDS[context] = class_records(classes) if classes else {}
    return cached


def project_findings(facts: Mapping[str, Any], exports: Mapping[str, str], code: str, rule_name: str) -> List[Any]:
    """The findings of resources stored on ``self`` that the class hierarchy decides: kept when
    no subclass in the project releases the attribute and, for a class with bases, every class
    of its MRO is the project's and none of them releases it."""
    from leaklint.rule import Confidence, Finding, Location

    pending = [(path, entry) for path, data in facts.items() if data for entry in data.get("inherited", ())]
    if not pending:
        return []
    hierarchy = project_hierarchy(facts, exports)
    found: List[Any] = []
    for path, entry in sorted(pending, key=lambda item: item[0]):
        resolved = hierarchy.resolve(entry["cls"])
        if not unreleased_in_hierarchy(hierarchy, entry["cls"], entry["attr"], bool(entry.get("bases"))):
            continue
        bases = _shown(hierarchy.mro(resolved)[1:]) if resolved is not None else []
        short = entry["cls"].rsplit(".", 1)[-1]
        where = f"nothing in `{short}` or its base {'class' if len(bases) == 1 else 'classes'} ({', '.join(f'`{b}`' for b in bases)}) calls"
        for item in entry["findings"]:
            line, column, end_line, end_column = item["location"]
            message = item["message"].replace("nothing in the class calls", where) if bases else item["message"]
            found.append(Finding(
                path, code, rule_name, message, item["suggestion"], Location(line, column, end_line, end_column),
                Confidence(item["confidence"]),
            ))
    return found


def unreleased_in_hierarchy(hierarchy: Hierarchy, cls: str, attr: str, has_bases: bool) -> bool:
    """Whether nothing in ``cls``'s MRO (when it has bases) nor any subclass in the project
    releases or hands on ``self.<attr>``."""
    if has_bases and hierarchy.bases_release(cls, attr) is not False:
        return False  # a base releases it, or one outside the project may
    # (a class without bases missing from the records keeps the file's verdict)
    resolved = hierarchy.resolve(cls)
    return not (resolved is not None and hierarchy.subclasses_release(resolved, attr))


def project_hierarchy(facts: Mapping[str, Any], exports: Mapping[str, str]) -> Hierarchy:
    classes: Dict[str, Sequence[Any]] = {}
    for data in facts.values():
        if data:
            classes.update(data.get("classes", {}))
    return Hierarchy(classes, exports)


def method_factory(hierarchy: Hierarchy, callee: str, made: Mapping[str, Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The factory ``self.<m>()`` calls in ``pkg.mod.Class`` (``callee`` is ``pkg.mod.Class.m``):
    the definition of ``m`` the instance's MRO picks, when that is an exported method factory."""
    cls, _, method = callee.rpartition(".")
    owner = hierarchy.defining_class(cls, method)
    if owner is None:
        return None
    return made.get(f"{owner}.{method}")


def _shown(classes: Sequence[str], limit: int = 3) -> List[str]:
    """Short names for a message: the class name, with its module when two share it
    (``virtual.Transport``), the first ``limit`` of them and ``...``."""
    shown = [name.rsplit(".", 1)[-1] for name in classes]
    for depth in range(2, 6):
        if len(set(shown)) == len(shown):
            break
        shown = [".".join(name.split(".")[-depth:]) if shown.count(short) > 1 else short for name, short in zip(classes, shown)]
    return shown[:limit] + (["..."] if len(shown) > limit else [])


def _property_released(released: Sequence[str], methods: Set[str]) -> bool:
    """A release method releases ``self.connection`` where ``connection`` is a property (a
    method of the MRO): which attribute it reads is not known, so it may be any."""
    return any(name[1:] in methods for name in released if name.startswith(IN_RELEASE))
