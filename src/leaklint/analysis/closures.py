"""What a lambda or nested function captures from the function around it.

LKL104 and LKL401 split self-capturing closures by this: a closure whose only captured name is
``self`` is a self-capturing callable (LKL104); one that also carries the call's own state
(``lambda: self.run(state)``) is a closure holding state past its call (LKL401).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Dict, List, Optional, Union

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import LOCAL, target_names
from leaklint.analysis.walk import iter_children, walk_scope

Closure = Union[cst.Lambda, cst.FunctionDef]


def captured_names(context: FileContext, closure: Closure, function: cst.FunctionDef) -> Dict[str, List[cst.Name]]:
    """Free names of ``closure`` that are local to ``function``, with the Name nodes reading them."""
    outer = context.scope_bindings(function).names
    inner = context.scope_bindings(closure).names
    found: Dict[str, List[cst.Name]] = {}
    stack: List[cst.CSTNode] = [closure.body]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            if outer.get(node.value) == LOCAL and node.value not in inner:
                found.setdefault(node.value, []).append(node)
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)  # `x.attr`: the attribute name is not a variable
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            stack.append(node.value)  # `f(key=x)`: the keyword is not a variable
        else:
            stack.extend(iter_children(node))
    return found


def carries_call_state(context: FileContext, closure: Closure, function: cst.FunctionDef, self_name: str) -> bool:
    """True when ``closure`` captures a local or argument of ``function`` besides ``self_name``."""
    return any(name != self_name for name in captured_names(context, closure, function))


def released_in(context: FileContext, function: cst.FunctionDef, name: str) -> bool:
    """``function`` deletes ``name`` or sets it to None (which empties a closure cell)."""
    for node in walk_scope(function):
        if isinstance(node, cst.Del) and name in target_names(node.target):
            return True
        if isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value == "None":
            if any(name in target_names(t.target) for t in node.targets):
                return True
    return False


def returned_or_stored(context: FileContext, function: cst.FunctionDef, name: str) -> bool:
    """``function`` hands the object named ``name`` on (returns, yields, stores or passes it), so
    it is meant to outlive the call. Calling it (``name(...)``) does not count."""
    for node in walk_scope(function):
        if isinstance(node, (cst.Return, cst.Yield)) and isinstance(node.value, cst.BaseExpression):
            if _mentions_object(node.value, name):
                return True
        elif isinstance(node, (cst.Assign, cst.AnnAssign)) and node.value is not None and _mentions_object(node.value, name):
            return True
        elif isinstance(node, cst.Arg) and _mentions_object(node.value, name):
            return True
    return False


def _mentions_object(expr: cst.BaseExpression, name: str) -> bool:
    """``name`` itself, or in a tuple, list, dict or set display: not a call of it."""
    if isinstance(expr, cst.Name):
        return expr.value == name
    if isinstance(expr, (cst.Tuple, cst.List, cst.Set)):
        return any(_mentions_object(e.value, name) for e in expr.elements)
    if isinstance(expr, cst.Dict):
        return any(isinstance(e, cst.DictElement) and _mentions_object(e.value, name) for e in expr.elements)
    return False


def in_test_code(context: FileContext, function: Optional[cst.CSTNode]) -> bool:
    """``function`` is test code, which runs once per test run: a ``test*`` function, a method of
    a ``Test*`` class, or anything in a ``test_*.py``/``*_test.py`` file (not a folder: a
    project's fixtures often live under ``tests/``).
    A per-call cycle there costs nothing that lasts."""
    stem = PurePath(context.path).stem
    if stem.startswith("test_") or stem.endswith("_test") or stem == "conftest":
        return True
    node = function
    while node is not None:
        if isinstance(node, cst.FunctionDef) and node.name.value.startswith("test"):
            return True
        if isinstance(node, cst.ClassDef):
            return node.name.value.startswith("Test")
        node = context.parent(node)
    return False
