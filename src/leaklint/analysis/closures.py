"""What a lambda or nested function captures from the function around it.

LKL104 and LKL401 split self-capturing closures by this: a closure whose only captured name is
``self`` is a self-capturing callable (LKL104); one that also carries the call's own state
(``lambda: self.run(state)``) is a closure holding state past its call (LKL401).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple, Union

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.names import LOCAL, target_names
from leaklint.analysis.walk import iter_children, walk_scope
from leaklint.consequence import is_test_file

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
    if is_test_file(context.path):
        return True
    node = function
    while node is not None:
        if isinstance(node, cst.FunctionDef) and node.name.value.startswith("test"):
            return True
        if isinstance(node, cst.ClassDef):
            return node.name.value.startswith("Test")
        node = context.parent(node)
    return False


# -- module functions that keep an argument for the life of the process ---------------------------

_ROOT_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 1}
_rooting_cache: "weakref.WeakKeyDictionary[FileContext, Dict[str, Rooting]]" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Rooting:
    """A module-level function of this file that puts some of its parameters into a module-level
    container: ``on_shutdown(handler)`` doing ``_handlers.append(handler)``."""

    function: str
    params: Tuple[str, ...]  # every parameter, in order (for positional arguments)
    kept: Dict[str, str]  # parameter -> the container that keeps it
    released: bool  # the module also removes items from one of those containers
    appended: Tuple[str, ...] = ()  # parameters added by `append`/`add` (one more per call), not keyed


def rooting_functions(context: FileContext) -> Dict[str, Rooting]:
    """Module-level functions of this file that keep a parameter in a module-level container
    (once per file)."""
    found = _rooting_cache.get(context)
    if found is None:
        found = _rooting_cache[context] = _find_rooting(context)
    return found


def rooted_argument(context: FileContext, call: cst.Call, arg: cst.Arg) -> Optional[Tuple[Rooting, str, bool]]:
    """(the function, the container, whether every call adds one more: appended and never
    removed) when ``arg`` of ``call`` is kept by a rooting function."""
    if not isinstance(call.func, cst.Name):
        return None
    rooting = rooting_functions(context).get(call.func.value)
    if rooting is None or context.qualified_name(call.func) != f"{context.module_name}.{call.func.value}":
        return None
    if arg.keyword is not None:
        param: Optional[str] = arg.keyword.value
    else:
        positional = [a for a in call.args if a.keyword is None and not a.star]
        index = next((i for i, a in enumerate(positional) if a is arg), None)
        param = rooting.params[index] if index is not None and index < len(rooting.params) else None
    if param is None or param not in rooting.kept:
        return None
    return rooting, rooting.kept[param], param in rooting.appended and not rooting.released


def _find_rooting(context: FileContext) -> Dict[str, Rooting]:
    module = context.module
    containers: Set[str] = set()
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is not None:
                    if _plain_container(context, small.value):
                        targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else [small.target]
                        containers.update(t.value for t in targets if isinstance(t, cst.Name))
    if not containers:
        return {}
    found: Dict[str, Rooting] = {}
    removed: Set[str] = set()
    for statement in module.body:
        if not isinstance(statement, cst.FunctionDef):
            continue
        params = tuple(p.name.value for p in (*statement.params.posonly_params, *statement.params.params))
        every = set(params) | {p.name.value for p in statement.params.kwonly_params}
        local = context.scope_bindings(statement).names
        kept: Dict[str, str] = {}
        appended: Set[str] = set()
        for node in walk_scope(statement):
            node_type = type(node)  # exact types: isinstance on libcst's ABCs is slow on every node
            if node_type is cst.Call and type(node.func) is cst.Attribute and type(node.func.value) is cst.Name:
                holder = node.func.value.value
                if holder not in containers or (local.get(holder) == LOCAL and holder not in _globals(statement)):
                    continue
                method = node.func.attr.value
                if method in ("pop", "remove", "discard", "clear", "popitem"):
                    removed.add(holder)
                elif method in _ROOT_ADDERS:
                    positional = [a for a in node.args if a.keyword is None and not a.star]
                    index = _ROOT_ADDERS[method]
                    if len(positional) > index:
                        for name in _held_names(positional[index].value) & every:
                            kept.setdefault(name, holder)
                            appended.add(name)
            elif node_type is cst.Assign:
                for target in node.targets:
                    t = target.target
                    if isinstance(t, cst.Subscript) and isinstance(t.value, cst.Name) and t.value.value in containers:
                        for name in _held_names(node.value) & every:
                            kept.setdefault(name, t.value.value)
            elif node_type is cst.Del:
                for t in _del_targets(node.target):
                    if isinstance(t, cst.Subscript) and isinstance(t.value, cst.Name):
                        removed.add(t.value.value)
        if kept:
            found[statement.name.value] = Rooting(statement.name.value, params, kept, False, tuple(sorted(appended)))
    return {name: Rooting(r.function, r.params, r.kept, bool(set(r.kept.values()) & removed), r.appended)
            for name, r in found.items()}


def _plain_container(context: FileContext, value: cst.BaseExpression) -> bool:
    if isinstance(value, (cst.List, cst.Dict, cst.Set)):
        return True
    if isinstance(value, cst.Call):
        qualified = context.qualified_name(value.func) or ""
        return qualified in ("builtins.list", "builtins.dict", "builtins.set", "collections.deque",
                             "collections.OrderedDict", "collections.defaultdict")
    return False


def _held_names(value: cst.BaseExpression) -> Set[str]:
    """Names ``value`` keeps as they are: itself, or inside a tuple, list, set or dict display."""
    if isinstance(value, cst.Name):
        return {value.value}
    found: Set[str] = set()
    if isinstance(value, (cst.Tuple, cst.List, cst.Set)):
        for element in value.elements:
            found |= _held_names(element.value)
    elif isinstance(value, cst.Dict):
        for element in value.elements:
            if isinstance(element, cst.DictElement):
                found |= _held_names(element.value)
    return found


def _globals(function: cst.FunctionDef) -> Set[str]:
    return {n.name.value for node in walk_scope(function) if isinstance(node, cst.Global) for n in node.names}


def _del_targets(target: cst.BaseExpression) -> List[cst.BaseExpression]:
    if isinstance(target, (cst.Tuple, cst.List)):
        return [e.value for e in target.elements]
    return [target]
