"""Memoizing decorators a project writes itself, found from their definitions.

A project's own ``@memoize`` is a cache like ``functools.cache``: its wrapper stores each result
in a dict keyed by the call's arguments. When nothing in the wrapper ever takes an entry out
(``pop``, ``del``, ``popitem``, a size check), the table keeps every distinct argument for as long
as the decorated function lives, which for a module-level function or a method is the process.
An exposed ``cache_clear``/``reset`` that only callers may run does not bound it, as it does not
bound ``functools.cache``.

``find_memoizers`` reads one module and returns plain data (picklable, no nodes) per memoizer:

- ``store``: where it keeps results, in words (``the dict `cache` in its closure``);
- ``factory``: the memoizer is called to make the decorator (``@memoize(ttl=60)``);
- ``weak``: entries go when a key (an argument) dies: a ``WeakKeyDictionary`` store, or an entry
  removed by a weak-reference callback on an argument. Such a cache only grows when the stored
  value keeps its key alive (a decorated function that can return its argument);
- ``line``: where it is defined.

Shapes: a function that returns a nested wrapper (directly or through ``functools.wraps``), a
factory that returns such a function, and a class whose ``__init__`` takes the function and whose
``__call__`` stores into an attribute dict. The store is a dict bound in the enclosing function
(a closure cell), a module-level dict, an attribute of the wrapper or of the function
(``wrapper.cache``), or an attribute of the memoizer instance or class.
"""

from __future__ import annotations

import sys
import weakref
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.lifetimes import first_param as _first_param
from leaklint.analysis.names import assignment_parts, parameter_names
from leaklint.analysis.walk import walk, walk_scope

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.analysis.context import FileContext

_Function = cst.FunctionDef
_DICTS = frozenset(
    {"builtins.dict", "collections.OrderedDict", "collections.defaultdict", "weakref.WeakKeyDictionary",
     "weakref.WeakValueDictionary"}
)
_WEAK_KEYED = "weakref.WeakKeyDictionary"
_WEAK_VALUED = "weakref.WeakValueDictionary"
# Calls on the store that take entries out or bound its size when the wrapper runs them.
_EVICTING = frozenset({"pop", "popitem", "clear", "move_to_end", "__delitem__"})
_WEAK_CALLBACKS = frozenset({"weakref.ref", "weakref.finalize", "weakref.proxy", "weakref.WeakMethod"})
_STDLIB_TOPS = frozenset(getattr(sys, "stdlib_module_names", ())) | {"builtins", "typing", "asyncio", "functools"}


def find_memoizers(context: "FileContext", module: cst.Module) -> Dict[str, Dict[str, Any]]:
    """Module-level memoizers of this module, by name."""
    found: Dict[str, Dict[str, Any]] = {}
    globals_ = _module_dicts(context, module)
    for statement in module.body:
        memo: Optional[Dict[str, Any]] = None
        if isinstance(statement, cst.FunctionDef):
            memo = _function_memoizer(context, statement, globals_, module)
        elif isinstance(statement, cst.ClassDef):
            memo = _class_memoizer(context, statement)
        if memo is not None:
            name = statement.name.value
            memo["line"] = context.location(statement.name).line
            found[name] = memo
    return found


def can_return_argument(function: cst.FunctionDef) -> Optional[str]:
    """The parameter ``function`` may return unchanged (``return points`` on some path, or one
    arm of a conditional expression), else None. ``self``/``cls`` do not count."""
    params = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
    if params and params[0] in ("self", "cls"):
        params = params[1:]
    if not params:
        return None
    for node in walk_scope(function.body):
        if isinstance(node, cst.Return) and node.value is not None:
            for value in _returned_arms(node.value):
                if isinstance(value, cst.Name) and value.value in params:
                    return value.value
    return None


def _returned_arms(value: cst.BaseExpression) -> List[cst.BaseExpression]:
    if isinstance(value, cst.IfExp):
        return [*_returned_arms(value.body), *_returned_arms(value.orelse)]
    if isinstance(value, cst.BooleanOperation):
        return [*_returned_arms(value.left), *_returned_arms(value.right)]
    return [value]


# -- function memoizers ---------------------------------------------------------------------------


def _function_memoizer(
    context: "FileContext", outer: _Function, globals_: Dict[str, str], module: cst.Module
) -> Optional[Dict[str, Any]]:
    inner = _returned_def(outer)
    if inner is None:
        return None
    wrapper = _returned_def(inner)
    factory = wrapper is not None
    decorator = inner if factory else outer
    if wrapper is None:
        wrapper = inner
    decorated = _first_param(decorator)
    if decorated is None:
        return None
    scopes = [outer, inner] if factory else [outer]
    locals_: Dict[str, str] = {}
    for scope in scopes:
        locals_.update(_local_dicts(context, scope))
    params = _param_names(wrapper)
    derived = _derived_names(wrapper, params)
    for store, key in _stores(wrapper):
        if not _mentions_any(key, derived):
            continue
        described = _describe_store(store, locals_, globals_, wrapper.name.value, decorated)
        if described is None:
            continue
        words, kind = described
        if kind == _WEAK_VALUED:
            return None  # values die on their own: the table does not keep them
        spelled = context.code(store).strip()
        eviction = _eviction(context, spelled, wrapper, module if isinstance(store, cst.Name) and store.value in globals_ and store.value not in locals_ else outer)
        if eviction == "bounded":
            return None
        return {"store": words, "factory": factory, "weak": kind == _WEAK_KEYED or eviction == "weak", "kind": "function",
                "text_key": _text_key(wrapper, key), "instance_only": _one_argument(wrapper, None)}
    return None


def _returned_def(function: _Function) -> Optional[_Function]:
    """The nested ``def`` a function returns (``return wrapper``, ``return wraps(f)(wrapper)``,
    ``return update_wrapper(wrapper, f)``)."""
    if not isinstance(function.body, cst.IndentedBlock):
        return None
    nested = {s.name.value: s for s in function.body.body if isinstance(s, cst.FunctionDef)}
    if not nested:
        return None
    for node in walk_scope(function.body):
        if isinstance(node, cst.Return) and node.value is not None:
            value = node.value
            names: List[str] = []
            if isinstance(value, cst.Name):
                names = [value.value]
            elif isinstance(value, cst.Call):
                names = [a.value.value for a in value.args if isinstance(a.value, cst.Name)]
            for name in names:
                if name in nested:
                    return nested[name]
    return None


def _param_names(function: _Function) -> Set[str]:
    return parameter_names(function.params)


def _derived_names(function: _Function, params: Set[str]) -> Set[str]:
    """The parameters and the locals computed from them (``key = (args, tuple(kwargs))``,
    ``key.append(...)`` of an argument), to a fixed point."""
    derived = set(params)
    changed = True
    rounds = 0
    while changed and rounds < 5:
        changed = False
        rounds += 1
        for node in walk_scope(function.body):
            targets: List[cst.BaseExpression] = []
            value: Optional[cst.CSTNode] = None
            if isinstance(node, cst.Assign):
                targets, value = [t.target for t in node.targets], node.value
            elif isinstance(node, (cst.AnnAssign, cst.AugAssign)) and node.value is not None:
                targets, value = [node.target], node.value
            elif isinstance(node, cst.For):
                targets, value = [node.target], node.iter
            elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Name):
                if node.func.attr.value in ("append", "extend", "add", "update"):
                    targets, value = [node.func.value], node
            if value is None or not _mentions_any(value, derived):
                continue
            for target in targets:
                for name in walk(target):
                    if isinstance(name, cst.Name) and name.value not in derived:
                        derived.add(name.value)
                        changed = True
    return derived


def _stores(wrapper: _Function) -> List["tuple[cst.BaseExpression, cst.BaseExpression]"]:
    """(store, key) for ``store[key] = ...`` and ``store.setdefault(key, ...)`` in the wrapper."""
    found = []
    for node in walk_scope(wrapper.body):
        if isinstance(node, cst.Assign):
            for target in node.targets:
                sub = target.target
                if isinstance(sub, cst.Subscript) and len(sub.slice) == 1 and isinstance(sub.slice[0].slice, cst.Index):
                    found.append((sub.value, sub.slice[0].slice.value))
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.args:
            if node.func.attr.value in ("setdefault", "__setitem__"):
                found.append((node.func.value, node.args[0].value))
    return found


def _describe_store(
    store: cst.BaseExpression, locals_: Dict[str, str], globals_: Dict[str, str], wrapper: str, decorated: str
) -> Optional["tuple[str, str]"]:
    if isinstance(store, cst.Name):
        if store.value in locals_:
            return f"the dict `{store.value}` in its closure", locals_[store.value]
        if store.value in globals_:
            return f"the module-level dict `{store.value}`", globals_[store.value]
        return None
    if isinstance(store, cst.Attribute) and isinstance(store.value, cst.Name):
        if store.value.value in (wrapper, decorated):
            return f"the function attribute `{store.value.value}.{store.attr.value}`", "builtins.dict"
        if store.value.value in locals_ or store.value.value in globals_:
            return None
    return None


def _local_dicts(context: "FileContext", scope: _Function) -> Dict[str, str]:
    """Names the function body binds to a new dict (not in nested functions)."""
    found: Dict[str, str] = {}
    if not isinstance(scope.body, cst.IndentedBlock):
        return found
    for statement in scope.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                _record_dict(context, small, found)
    return found


def _module_dicts(context: "FileContext", module: cst.Module) -> Dict[str, str]:
    found: Dict[str, str] = {}
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                _record_dict(context, small, found)
    return found


def _record_dict(context: "FileContext", small: cst.CSTNode, found: Dict[str, str]) -> None:
    targets, value = assignment_parts(small)
    if value is None:
        return
    kind = _dict_kind(context, value)
    if kind is None:
        return
    for target in targets:
        if isinstance(target, cst.Name):
            found[target.value] = kind


def _dict_kind(context: "FileContext", value: cst.BaseExpression) -> Optional[str]:
    if isinstance(value, cst.Dict) and not value.elements:
        return "builtins.dict"
    if isinstance(value, cst.Call):
        qualified = context.qualified_name(value.func) or ""
        if qualified in _DICTS:
            return qualified
    return None


def _eviction(context: "FileContext", spelled: str, wrapper: _Function, area: cst.CSTNode) -> str:
    """``bounded`` when the wrapper (or, for a module-level store, any function of the module)
    takes entries out or checks the size, ``weak`` when entries go through a weak-reference
    callback on an argument, else ``""`` (a ``cache_clear`` exposed to callers does not count)."""
    weak = False
    inside = {id(node) for node in walk(wrapper)}
    module_level = isinstance(area, cst.Module)
    for node in walk(area):
        hit = False
        method = ""
        if isinstance(node, cst.Attribute) and node.attr.value in _EVICTING and context.code(node.value).strip() == spelled:
            hit, method = True, node.attr.value
        elif isinstance(node, cst.Del):
            hit = any(
                isinstance(t, cst.Subscript) and context.code(t.value).strip() == spelled
                for t in walk(node.target)
            )
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "len" and node.args:
            hit = context.code(node.args[0].value).strip() == spelled and id(node) in inside
        if not hit:
            continue
        if _under_weak_callback(context, node, area):
            weak = True
        elif id(node) in inside:
            return "bounded"
        elif module_level and method != "clear":
            return "bounded"  # another function pops a key: targeted invalidation
    return "weak" if weak else ""


def _under_weak_callback(context: "FileContext", node: cst.CSTNode, area: cst.CSTNode) -> bool:
    """``weakref.ref(arg, functools.partial(cache.pop, key))``, also through a local
    (``popkey = partial(cache.pop, key)`` ... ``weakref.ref(base, popkey)``)."""
    for ancestor in context.ancestors(node):
        if isinstance(ancestor, cst.Call) and _is_weak_call(context, ancestor):
            return True
        if isinstance(ancestor, cst.Assign) and len(ancestor.targets) == 1 and isinstance(ancestor.targets[0].target, cst.Name):
            name = ancestor.targets[0].target.value
            return any(
                isinstance(call, cst.Call) and _is_weak_call(context, call)
                and any(isinstance(a.value, cst.Name) and a.value.value == name for a in call.args)
                for call in walk(area)
            )
        if isinstance(ancestor, (cst.FunctionDef, cst.SimpleStatementLine)):
            return False
    return False


def _is_weak_call(context: "FileContext", call: cst.Call) -> bool:
    return (context.qualified_name(call.func) or "") in _WEAK_CALLBACKS


def _mentions_any(node: cst.CSTNode, names: Set[str]) -> bool:
    return any(isinstance(child, cst.Name) and child.value in names for child in walk(node))


# -- class memoizers ------------------------------------------------------------------------------


def _class_memoizer(context: "FileContext", klass: cst.ClassDef) -> Optional[Dict[str, Any]]:
    if not isinstance(klass.body, cst.IndentedBlock):
        return None
    methods = {s.name.value: s for s in klass.body.body if isinstance(s, cst.FunctionDef)}
    init, call = methods.get("__init__"), methods.get("__call__")
    if init is None or call is None:
        return None
    init_params = [p.name.value for p in (*init.params.posonly_params, *init.params.params)]
    if len(init_params) < 2:
        return None
    stores: Dict[str, str] = {}
    for statement in klass.body.body:  # class-level ``memo = {}``
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                _record_dict(context, small, stores)
    self_name = init_params[0]
    for node in walk_scope(init.body):  # ``self.memo = {}``
        if isinstance(node, cst.Assign) and len(node.targets) == 1:
            target = node.targets[0].target
            if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value == self_name:
                kind = _dict_kind(context, node.value)
                if kind is not None:
                    stores[target.attr.value] = kind
    if not stores:
        return None
    call_self = _first_param(call)
    params = _param_names(call) - {call_self or ""}
    derived = _derived_names(call, params)
    for store, key in _stores(call):
        if not (isinstance(store, cst.Attribute) and store.attr.value in stores and _mentions_any(key, derived)):
            continue
        holder = store.value
        if not (isinstance(holder, cst.Name) and holder.value in (call_self, klass.name.value)):
            continue
        kind = stores[store.attr.value]
        if kind == _WEAK_VALUED:
            return None
        spelled = context.code(store).strip()
        eviction = _eviction(context, spelled, call, call)
        if eviction == "bounded":
            return None
        return {
            "store": f"the dict `{spelled}` of each `{klass.name.value}`",
            "factory": False,
            "weak": kind == _WEAK_KEYED or eviction == "weak",
            "kind": "class",
            "text_key": _text_key(call, key),
            "instance_only": _one_argument(call, call_self),
        }
    return None


# Calls that render their argument as text: a key made by them keeps no argument alive.
_TEXT_RENDERINGS = frozenset({"str", "repr", "format", "hash", "id"})


def _text_key(wrapper: _Function, key: cst.BaseExpression) -> bool:
    """The store's key is text made from the arguments (``key = f"{args}{kwargs}"``,
    ``str(args)``): the table keeps their rendering, not the arguments themselves."""
    if isinstance(key, cst.Name):
        values = [value for node in walk_scope(wrapper.body) if isinstance(node, cst.Assign)
                  for value in [node.value] if any(isinstance(t.target, cst.Name) and t.target.value == key.value
                                                   for t in node.targets)]
        return bool(values) and all(_is_text(value) for value in values)
    return _is_text(key)


def _is_text(value: cst.BaseExpression) -> bool:
    if isinstance(value, (cst.FormattedString, cst.SimpleString, cst.ConcatenatedString)):
        return True
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Modulo):
        return isinstance(value.left, (cst.SimpleString, cst.FormattedString))
    if isinstance(value, cst.Call):
        func = value.func
        if isinstance(func, cst.Name):
            return func.value in _TEXT_RENDERINGS
        return isinstance(func, cst.Attribute) and func.attr.value == "format" and isinstance(func.value, cst.SimpleString)
    return False


def _one_argument(wrapper: _Function, own: Optional[str]) -> bool:
    """The wrapper takes exactly one argument and no ``*args``/``**kwargs``: it was written for
    methods that take nothing but the instance, so its table holds one entry per instance."""
    params = wrapper.params
    if isinstance(params.star_arg, cst.Param) or params.star_kwarg is not None or params.kwonly_params:
        return False
    names = [p.name.value for p in (*params.posonly_params, *params.params) if p.name.value != own]
    return len(names) == 1


def may_be_project_name(module_name: str, qualified: str) -> bool:
    """Whether ``qualified`` may name something of the project ``module_name`` belongs to: not
    the standard library, nor a test framework or a command-line toolkit whose decorators fill
    test and script modules. A cheap filter, so that per-file facts (and the positions they
    carry) stay small; a project may have several top-level packages, so it cannot ask for the
    caller's own package."""
    head = qualified.split(".", 1)[0]
    return "." in qualified and head not in _STDLIB_TOPS and head not in _FRAMEWORK_TOPS


_FRAMEWORK_TOPS = frozenset(
    {"pytest", "_pytest", "hypothesis", "click", "typer", "attr", "attrs", "pydantic", "six", "numba", "celery",
     "flask", "fastapi", "django", "sqlalchemy", "typing_extensions", "deprecated", "wrapt", "mock"}
)


# Caches of the standard library and cachetools that keep every argument and result they see
# (`lru_cache` up to its `maxsize`), read from their sources.
_STANDARD_CACHES = frozenset(
    {"functools.cache", "functools.lru_cache", "cachetools.cached", "cachetools.func.lru_cache",
     "cachetools.func.ttl_cache", "cachetools.func.lfu_cache", "cachetools.func.rr_cache",
     "cachetools.func.fifo_cache", "cachetools.func.mru_cache"}
)
_LOCAL_MEMOIZERS: "weakref.WeakKeyDictionary[FileContext, Set[str]]" = weakref.WeakKeyDictionary()


def memoizing_wrapper(context: "FileContext", call: cst.Call) -> Optional[str]:
    """How ``call`` is spelled when it wraps its first argument in a memoizing cache, else None:
    ``functools.cache(f)``, ``lru_cache(maxsize=None)(f)`` (a decorator applied by hand),
    ``cachetools.cached(cache)(f)``, or a memoizer defined in this module (``memoize(f)``). The
    wrapper keeps ``f`` and, in its table, every argument and result of every call."""
    func = call.func
    maker = func.func if isinstance(func, cst.Call) else func
    qualified = context.qualified_name(maker) or ""
    if qualified in _STANDARD_CACHES:
        return context.code(func).strip()
    local = _LOCAL_MEMOIZERS.get(context)
    if local is None:
        local = _LOCAL_MEMOIZERS[context] = set(find_memoizers(context, context.module))
    if isinstance(maker, cst.Name) and maker.value in local:
        return context.code(func).strip()
    return None
