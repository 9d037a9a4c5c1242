"""Name resolution without ScopeProvider: an import/alias table and per-function bindings.

ScopeProvider and QualifiedNameProvider each cost several parses (docs/performance.md). Rules need much less:
"does this ``open`` mean ``builtins.open``?", "what is ``T`` in ``from threading import Thread as
T``?". Module-level bindings are collected in one pass over module-level statements; a function's
bindings are collected only when a rule asks about a name inside that function.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union

import libcst as cst

from leaklint.analysis.walk import walk_scope

BUILTIN_NAMES = frozenset(dir(builtins))

# A binding that is not an import: the name means something local, not a module member.
LOCAL = "<local>"


def dotted_name(node: Union[cst.BaseExpression, cst.ImportFrom, None]) -> Optional[str]:
    """``a.b.c`` for a Name/Attribute chain, else None."""
    parts = []
    while type(node) is cst.Attribute:  # exact types: a failed isinstance goes through ABCMeta
        parts.append(node.attr.value)
        node = node.value
    if type(node) is cst.Name:
        parts.append(node.value)
        return ".".join(reversed(parts))
    return None


def _import_module_name(node: cst.ImportFrom, module_name: str, is_package: bool) -> Optional[str]:
    """The absolute module an ImportFrom reads from (relative imports resolved)."""
    base = dotted_name(node.module) if node.module is not None else ""
    if base is None:
        return None
    level = len(node.relative)
    if level == 0:
        return base
    package_parts = module_name.split(".") if is_package else module_name.split(".")[:-1]
    if level - 1 > len(package_parts):
        return None
    if level > 1:
        package_parts = package_parts[: len(package_parts) - (level - 1)]
    return ".".join(p for p in (*package_parts, base) if p)


@dataclass
class Bindings:
    """Names bound in one scope: imports map to qualified names, anything else to LOCAL."""

    names: Dict[str, str] = field(default_factory=dict)
    # Names declared ``global``/``nonlocal``: they are looked up in the enclosing scopes.
    passthrough: Set[str] = field(default_factory=set)

    def bind(self, name: str, target: str) -> None:
        # An import wins over a plain assignment of the same name (``try: import x`` /
        # ``except ImportError: x = None`` is the common shape).
        if self.names.get(name, LOCAL) == LOCAL:
            self.names[name] = target


def last_name(expr: cst.BaseExpression) -> Optional[str]:
    """The last name of a name or attribute chain (`io.IOBase` -> `IOBase`), or None."""
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute):
        return expr.attr.value
    return None


def assignment_parts(small: cst.CSTNode) -> Tuple[List[cst.BaseExpression], Optional[cst.BaseExpression]]:
    """The targets and the value of ``a = b = value`` or ``a: T = value``; ``([], None)`` for any
    other small statement (an annotation without a value binds nothing)."""
    if isinstance(small, cst.Assign):
        return [t.target for t in small.targets], small.value
    if isinstance(small, cst.AnnAssign) and small.value is not None:
        return [small.target], small.value
    return [], None


def decorator_name(decorator: cst.Decorator) -> Optional[str]:
    """The last name of a decorator: ``staticmethod``, ``cache`` for ``@functools.cache(...)``."""
    target = decorator.decorator
    if isinstance(target, cst.Call):
        target = target.func
    if isinstance(target, cst.Name):
        return target.value
    if isinstance(target, cst.Attribute):
        return target.attr.value
    return None


def target_names(target: cst.BaseExpression) -> Iterator[str]:
    """The names an assignment target binds: ``a``, ``a, (b, *c)``; not attributes or subscripts."""
    if isinstance(target, cst.Name):
        yield target.value
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from target_names(element.value)
    elif isinstance(target, cst.StarredElement):
        yield from target_names(target.value)


# libcst's concrete node classes are final in practice: membership by exact type is isinstance.
_BINDING_TYPES = frozenset(
    {
        cst.FunctionDef, cst.ClassDef, cst.Import, cst.ImportFrom, cst.AssignTarget, cst.AnnAssign,
        cst.AugAssign, cst.For, cst.CompFor, cst.AsName, cst.NamedExpr, cst.Global, cst.Nonlocal,
    }
)


def parameters(params: cst.Parameters) -> List[cst.Param]:
    """Every parameter a function or lambda binds, ``*args`` and ``**kwargs`` included."""
    found = [*params.posonly_params, *params.params, *params.kwonly_params]
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            found.append(star)
    return found


def parameter_names(params: cst.Parameters) -> Set[str]:
    return {param.name.value for param in parameters(params)}


def collect_bindings(
    scope: cst.CSTNode, module_name: str, is_package: bool, *, nodes: Optional[Iterable[cst.CSTNode]] = None
) -> Bindings:
    """Bindings made directly in ``scope`` (a Module, FunctionDef or Lambda)."""
    bindings = Bindings()
    if isinstance(scope, (cst.FunctionDef, cst.Lambda)):
        for param in parameters(scope.params):
            bindings.bind(param.name.value, LOCAL)
    for node in nodes if nodes is not None else walk_scope(scope):
        # Most nodes bind nothing: one set lookup skips them (CSTNode is an ABC, so each failed
        # isinstance below costs a trip through ABCMeta).
        if type(node) not in _BINDING_TYPES or node is scope:
            continue
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            bindings.bind(node.name.value, LOCAL)
        elif isinstance(node, cst.Import):
            for alias in node.names:
                full = dotted_name(alias.name) or ""
                if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                    bindings.bind(alias.asname.name.value, full)
                else:
                    top = full.split(".")[0]
                    bindings.bind(top, top)
        elif isinstance(node, cst.ImportFrom):
            source = _import_module_name(node, module_name, is_package)
            if isinstance(node.names, cst.ImportStar) or source is None:
                continue
            for alias in node.names:
                imported = dotted_name(alias.name) or ""
                local = imported
                if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                    local = alias.asname.name.value
                bindings.bind(local, f"{source}.{imported}" if source else imported)
        elif isinstance(node, cst.AssignTarget):
            for name in target_names(node.target):
                bindings.bind(name, LOCAL)
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign)) and node.value is not None:
            for name in target_names(node.target):
                bindings.bind(name, LOCAL)
        elif isinstance(node, (cst.For, cst.CompFor)):
            for name in target_names(node.target):
                bindings.bind(name, LOCAL)
        elif isinstance(node, cst.AsName) and isinstance(node.name, (cst.Name, cst.Tuple, cst.List)):
            for name in target_names(node.name):
                bindings.bind(name, LOCAL)
        elif isinstance(node, cst.NamedExpr):
            for name in target_names(node.target):
                bindings.bind(name, LOCAL)
        elif isinstance(node, (cst.Global, cst.Nonlocal)):
            for item in node.names:
                bindings.passthrough.add(item.name.value)
    for name in bindings.passthrough:
        bindings.names.pop(name, None)
    return bindings


# What ``argument_passed`` gives when a ``*args``/``**kwargs`` comes before the parameter's value.
STARRED = cst.Name("__leaklint_starred__")


def argument_passed(call: cst.Call, index: Optional[int], name: str) -> Optional[cst.BaseExpression]:
    """The expression ``call`` passes for the parameter at position ``index`` (None: keyword
    only) named ``name``; None when it passes nothing for it, ``STARRED`` when an unpacked
    ``*args``/``**kwargs`` comes first and the value cannot be known."""
    positional = 0
    for arg in call.args:
        if arg.star:
            return STARRED
        if arg.keyword is not None:
            if arg.keyword.value == name:
                return arg.value
            continue
        if index is not None and positional == index:
            return arg.value
        positional += 1
    return None
