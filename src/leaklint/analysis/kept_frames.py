"""Frame objects kept on ``self``: a frame (with all its locals and, through ``f_back``, its
callers') lives as long as the object that keeps it.

Where a method gets a frame: ``sys._getframe(...)``, ``inspect.currentframe()``, an attribute that
is one (``x.f_back``, ``tb.tb_frame``, ``gen.gi_frame``, ``coro.cr_frame``), a local bound to one
of those, or the ``frame`` parameter of a trace function (``def trace(self, frame, event, arg)``,
the signature ``sys.settrace`` and ``sys.setprofile`` call). Where it keeps it: ``self.x = frame``,
``self.x[frame] = ...``, ``self.x[k] = frame``, ``self.x.append(frame)``. A class that drops the
attribute again (``self.x = None``, ``del self.x[...]``, ``self.x.pop(...)``, ``.discard``,
``.clear()``) keeps each frame only while it is in use, as debuggers do: not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.lifetimes import class_methods
from leaklint.analysis.walk import walk, walk_scope, walk_type

FRAME_CALLS = frozenset({"sys._getframe", "inspect.currentframe"})
FRAME_ATTRS = frozenset({"f_back", "tb_frame", "gi_frame", "cr_frame", "ag_frame"})
# A cheap test on the source before any walk: files without these never keep a frame.
_MARKERS = re.compile(r"_getframe|currentframe|f_back|tb_frame|gi_frame|cr_frame|ag_frame|frame,\s*event")
_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 0}
_DROPPERS = frozenset({"pop", "popitem", "popleft", "remove", "discard", "clear"})


@dataclass(frozen=True)
class KeptFrame:
    node: cst.CSTNode  # the statement or call that keeps it
    attr: str  # `self.<attr>`
    self_name: str  # the method's first parameter, as written
    frame: str  # how the frame is written at the store
    grows: bool  # one more per call (a container filled outside `__init__`)
    function: cst.FunctionDef


def may_keep_frames(context: FileContext) -> bool:
    return _MARKERS.search(context.source) is not None


def kept_frames(context: FileContext, cls: cst.ClassDef) -> List[KeptFrame]:
    """Frames the methods of ``cls`` keep on ``self`` in attributes the class never drops."""
    found: List[KeptFrame] = []
    methods = []
    for function in class_methods(cls):
        params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
        if not params:
            continue
        methods.append((function, params[0]))
        frames, any_frame = _frame_names(context, function, params)
        if not any_frame:
            continue  # no frame in this method: nothing to keep
        for node, attr, shown, container in _stores(context, function, params[0], frames):
            grows = container and function.name.value != "__init__"
            found.append(KeptFrame(node, attr, params[0], shown, grows, function))
    if not found:
        return found
    dropped: Set[str] = set()
    for function, self_name in methods:
        dropped |= _dropped(function, self_name)
    return [kept for kept in found if kept.attr not in dropped]


def _frame_names(context: FileContext, function: cst.FunctionDef, params: List[str]) -> Tuple[Set[str], bool]:
    """(locals and the trace function's parameter that hold a frame, whether the method names a
    frame at all: a frame attribute, a frame call or such a parameter)."""
    names: Set[str] = set()
    if params[1:4] == ["frame", "event", "arg"]:
        names.add("frame")  # `def trace(self, frame, event, arg)`: what sys.settrace calls
    seen = bool(names)
    for node in walk_scope(function):
        kind = type(node)
        if kind is cst.Attribute and node.attr.value in FRAME_ATTRS:  # type: ignore[attr-defined]
            seen = True
        elif kind is cst.Name and node.value in ("_getframe", "currentframe"):  # type: ignore[attr-defined]
            seen = True
        elif kind is cst.Assign and is_frame(context, node.value, names):  # type: ignore[attr-defined]
            for target in node.targets:  # type: ignore[attr-defined]
                if isinstance(target.target, cst.Name):
                    names.add(target.target.value)
    return names, seen


def is_frame(context: FileContext, value: cst.BaseExpression, names: Set[str]) -> bool:
    if isinstance(value, cst.Name):
        return value.value in names
    if isinstance(value, cst.Attribute):
        return value.attr.value in FRAME_ATTRS
    if isinstance(value, cst.Call) and isinstance(value.func, (cst.Attribute, cst.Name)):
        last = value.func.attr.value if isinstance(value.func, cst.Attribute) else value.func.value
        return last in ("_getframe", "currentframe") and context.qualified_name(value.func) in FRAME_CALLS
    return False


def _on_self(expr: cst.BaseExpression, self_name: str) -> Optional[str]:
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == self_name:
        return expr.attr.value
    return None


def _stores(context: FileContext, function: cst.FunctionDef, self_name: str,
            frames: Set[str]) -> Iterator[Tuple[cst.CSTNode, str, str, bool]]:
    """(node, attribute, frame as written, into a container) for each store of a frame on self."""
    for node in walk_scope(function):
        if type(node) is cst.Assign:
            for target in node.targets:
                holder = target.target
                if isinstance(holder, cst.Subscript):
                    attr = _on_self(holder.value, self_name)
                    key = holder.slice[0].slice if len(holder.slice) == 1 else None
                    keyed = isinstance(key, cst.Index) and is_frame(context, key.value, frames)
                    if attr is not None and (keyed or is_frame(context, node.value, frames)):
                        shown = key.value if keyed else node.value  # type: ignore[union-attr]
                        yield node, attr, context.code(shown).strip(), True
                else:
                    attr = _on_self(holder, self_name)
                    if attr is not None and is_frame(context, node.value, frames):
                        yield node, attr, context.code(node.value).strip(), False
        elif type(node) is cst.Call and isinstance(node.func, cst.Attribute) and node.func.attr.value in _ADDERS:
            attr = _on_self(node.func.value, self_name)
            positional = [a for a in node.args if a.keyword is None and not a.star]
            index = _ADDERS[node.func.attr.value]
            if attr is not None and len(positional) > index and is_frame(context, positional[index].value, frames):
                yield node, attr, context.code(positional[index].value).strip(), True


def _dropped(function: cst.FunctionDef, self_name: str) -> Set[str]:
    """Attributes of self this method resets, deletes or takes entries out of."""
    found: Set[str] = set()
    for node in walk(function):
        if type(node) is cst.Assign and isinstance(node.value, (cst.Name, cst.Dict, cst.List, cst.Set)) and (
                not isinstance(node.value, cst.Name) or node.value.value == "None"):
            if isinstance(node.value, (cst.Dict, cst.List, cst.Set)) and function.name.value == "__init__":
                continue  # the container's first value
            for target in node.targets:
                attr = _on_self(target.target, self_name)
                if attr is not None:
                    found.add(attr)
        elif type(node) is cst.Del:
            for target in walk_type(node.target, cst.Subscript):
                attr = _on_self(target.value, self_name)
                if attr is not None:
                    found.add(attr)
            attr = _on_self(node.target, self_name) if isinstance(node.target, cst.Attribute) else None
            if attr is not None:
                found.add(attr)
        elif type(node) is cst.Call and isinstance(node.func, cst.Attribute) and node.func.attr.value in _DROPPERS:
            attr = _on_self(node.func.value, self_name)
            if attr is not None:
                found.add(attr)
    return found
