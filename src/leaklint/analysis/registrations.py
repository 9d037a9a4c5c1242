"""Registrations whose undo handle is lost: what becomes of a registering call's result.

A call of the ``register`` models (``module.register_forward_hook(f)``,
``async_track_time_interval(hass, cb, every)``, ``logger.add(sink)``) returns the only means of
taking the registration out again. This module answers two questions LKL307 asks about such a
call: what the code does with that handle (drops it, binds it to a name nobody reads, stores it on
``self`` where nothing reads it again, or keeps it some way we must trust), and how often the
statement runs (once at import, once in an entry point, or per call, instance or reload).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Set

import libcst as cst

from leaklint.analysis.names import decorator_name, dotted_name, last_name
from leaklint.analysis.walk import walk

# What became of the handle.
DROPPED = "dropped"  # an expression statement, or ``_ = ...``
UNUSED = "unused"  # bound to a local name that is never read
NEVER_READ = "never-read"  # stored on ``self.<attr>``, which no other line of the class reads

# Functions that run once per process by convention: a script's entry point, Home Assistant's
# integration-level ``async_setup`` (called once per start, unlike ``async_setup_entry``, which
# runs again on every reload of the entry).
ENTRY_NAMES = frozenset({"main", "_main", "cli", "run_cli", "async_setup"})
# Decorators that make a function run once (per distinct argument) or only from the command line.
_ONCE_DECORATORS = frozenset({"cache", "lru_cache", "cached", "memoize", "command", "group", "main"})
# Hooks Python runs once per class definition, at import: not per call.
_CLASS_HOOKS = frozenset({"__init_subclass__", "__set_name__"})

Function = cst.FunctionDef


@dataclass(frozen=True)
class Fate:
    kind: str  # DROPPED, UNUSED or NEVER_READ
    name: str = ""  # the local or attribute the handle was bound to
    statement: Optional[cst.CSTNode] = None


def handle_fate(context: object, call: cst.Call) -> Optional[Fate]:
    """What the code does with ``call``'s result, when that loses the handle; None when the
    handle is kept in a way we cannot follow (an argument, a return, a container, a global)."""
    parents = context.parent  # type: ignore[attr-defined]
    node: cst.CSTNode = call
    parent = parents(node)
    while isinstance(parent, cst.Await):
        node, parent = parent, parents(parent)
    if isinstance(parent, cst.Expr):
        return Fate(DROPPED, statement=parent)
    if isinstance(parent, cst.Assign) and parent.value is node and len(parent.targets) == 1:
        target = parent.targets[0].target
    elif isinstance(parent, cst.AnnAssign) and parent.value is node:
        target = parent.target
    else:
        return None
    function = context.nearest(call, Function)  # type: ignore[attr-defined]
    if isinstance(target, cst.Name):
        if target.value == "_":
            return Fate(DROPPED, statement=parent)
        if function is None or _declared_shared(function, target.value):
            return None  # a module global or `global`/`nonlocal` name: read elsewhere
        if not _name_read(function, target):
            return Fate(UNUSED, target.value, parent)
        return None
    if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value in ("self", "cls"):
        klass = context.nearest(call, cst.ClassDef)  # type: ignore[attr-defined]
        if klass is None or _attribute_read(klass, target):
            return None
        return Fate(NEVER_READ, f"{target.value.value}.{target.attr.value}", parent)
    return None


def _declared_shared(function: Function, name: str) -> bool:
    for node in walk(function):
        if isinstance(node, (cst.Global, cst.Nonlocal)) and any(item.name.value == name for item in node.names):
            return True
    return False


def _name_read(function: Function, target: cst.Name) -> bool:
    """Any other mention of the name in the function (nested functions and lambdas included:
    a closure that calls ``unsub()`` later is a use)."""
    for node in walk(function):
        if isinstance(node, cst.Name) and node.value == target.value and node is not target:
            return True
    return False


def _attribute_read(klass: cst.ClassDef, target: cst.Attribute) -> bool:
    """Another mention of ``.<attr>`` anywhere in the class (a teardown that calls it, a
    ``getattr``-free check before re-registering), or its name as a string (``getattr(self, "x")``)."""
    attr = target.attr.value
    for node in walk(klass):
        if isinstance(node, cst.Attribute) and node.attr.value == attr and node is not target:
            return True
        if isinstance(node, cst.SimpleString) and node.value.strip("'\"") == attr:
            return True
    return False


def runs_once(context: object, call: cst.Call) -> bool:
    """At import (module level, ``if __name__ == "__main__":``), or in an entry point
    (``main()``, a CLI command, a cached function) or a class body."""
    scope = context.enclosing_scope(call)  # type: ignore[attr-defined]
    if not isinstance(scope, (Function, cst.Lambda)):
        return True  # module level or class body: once per import
    for ancestor in (scope, *context.ancestors(scope)):  # type: ignore[attr-defined]
        if isinstance(ancestor, Function):
            if ancestor.name.value in ENTRY_NAMES or ancestor.name.value in _CLASS_HOOKS or _named_once(ancestor):
                return True
            if {(decorator_name(d) or "").rsplit(".", 1)[-1] for d in ancestor.decorators} & _ONCE_DECORATORS:
                return True
            if _guarded_by_own_flag(context, call, ancestor):
                return True
    return False


def _named_once(function: Function) -> bool:
    """``setup_once()``, ``_install_once()``: a hook its framework runs once per process
    (sentry-sdk's integrations, plugin systems), by the name it is given."""
    return "once" in function.name.value.lower().split("_")


def _guarded_by_own_flag(context: object, call: cst.Call, function: Function) -> bool:
    """``if _installed: return`` ... ``_installed = True`` (a ``global``, or an attribute of the
    class or module): the function registers once per process and says so with a flag it sets."""
    flags = _flags_set_true(function)
    if not flags:
        return False
    tests: List[cst.BaseExpression] = []
    below: cst.CSTNode = call
    for ancestor in context.ancestors(call):  # type: ignore[attr-defined]
        if ancestor is function:
            break
        if isinstance(ancestor, cst.If):
            tests.append(ancestor.test)
        if isinstance(ancestor, cst.IndentedBlock):
            for statement in ancestor.body:
                if statement is below:
                    break
                if isinstance(statement, cst.If) and any(isinstance(n, (cst.Return, cst.Raise)) for n in walk(statement.body)):
                    tests.append(statement.test)
        below = ancestor
    return any(
        isinstance(node, (cst.Name, cst.Attribute)) and dotted_name(node) in flags for test in tests for node in walk(test)
    )


def _flags_set_true(function: Function) -> Set[str]:
    """Names the function sets to ``True`` that outlive the call: a ``global`` name, or an
    attribute of anything but ``self`` (``cls._installed``, ``Integration.installed``)."""
    shared = {item.name.value for node in walk(function) if isinstance(node, cst.Global) for item in node.names}
    flags: Set[str] = set()
    for node in walk(function):
        if isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value == "True":
            for target in node.targets:
                spelled = dotted_name(target.target) or ""
                if spelled in shared or ("." in spelled and not spelled.startswith("self.")):
                    flags.add(spelled)
    return flags


def receiver_is_own(context: object, call: cst.Call) -> bool:
    """``self.register_forward_hook(...)``, or ``self.<part>....register_forward_hook(...)`` where
    the class's ``__init__`` makes ``self.<part>`` itself (``self.fc = nn.Linear(...)``): a hook on
    the object or on a part it made lives and dies with the object. A part handed in
    (``self.backbone = backbone``, ``self.hass`` set by a base class) outlives it: every instance
    adds one more hook there."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return False
    spelled = dotted_name(func.value) or ""
    if spelled in ("self", "cls"):
        return True
    parts = spelled.split(".")
    if len(parts) < 2 or parts[0] != "self":
        return False
    klass = context.nearest(call, cst.ClassDef)  # type: ignore[attr-defined]
    return klass is not None and parts[1] in _made_in_init(klass)


def _made_in_init(klass: cst.ClassDef) -> Set[str]:
    """Attributes the class's ``__init__`` assigns from a call (``self.fc = nn.Linear(4, 2)``)."""
    made: Set[str] = set()
    body = klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ()
    for statement in body:
        if isinstance(statement, Function) and statement.name.value in ("__init__", "__post_init__"):
            for node in walk(statement):
                if isinstance(node, cst.Assign) and isinstance(node.value, cst.Call):
                    for target in node.targets:
                        t = target.target
                        if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value == "self":
                            made.add(t.attr.value)
    return made


def function_names(function: Optional[Function]) -> Set[str]:
    """The function's parameter names (to recognise a Home Assistant ``entry``)."""
    if function is None:
        return set()
    params = function.params
    every = [*params.posonly_params, *params.params, *params.kwonly_params]
    return {param.name.value for param in every}


_ENDERS = frozenset({"close", "stop", "shutdown", "aclose", "terminate"})


def receiver_ended_by_class(context: object, call: cst.Call) -> bool:
    """``self.loop.call_later(...)`` in a class that also calls ``self.loop.stop()`` or
    ``.close()``: the timers die with the loop the object owns."""
    func = call.func
    klass = context.nearest(call, cst.ClassDef)  # type: ignore[attr-defined]
    if not isinstance(func, cst.Attribute) or klass is None:
        return False
    parts = (dotted_name(func.value) or "").split(".")
    if len(parts) < 2 or parts[0] != "self":
        return False
    root = parts[1]
    for node in walk(klass):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in _ENDERS:
            spelled = (dotted_name(node.func.value) or "").split(".")
            if len(spelled) >= 2 and spelled[0] == "self" and spelled[1] == root:
                return True
    return False


def rearms_itself(context: object, call: cst.Call) -> bool:
    """``loop.call_later(delay, self._tick)`` inside ``_tick`` (or inside a method that ``_tick``
    calls), not under any ``if``: each run schedules the next, so the timer never ends by itself."""
    function = context.nearest(call, Function)  # type: ignore[attr-defined]
    klass = context.nearest(call, cst.ClassDef)  # type: ignore[attr-defined]
    if function is None or klass is None:
        return False
    if _guarded(context, call, function):
        return False  # a guard (a running flag, a closed check) may end the chain
    callbacks = {
        arg.value.attr.value
        for arg in call.args
        if isinstance(arg.value, cst.Attribute) and isinstance(arg.value.value, cst.Name) and arg.value.value.value == "self"
    }
    here = function.name.value
    if here in callbacks:
        return True
    methods = {m.name.value: m for m in walk(klass) if isinstance(m, Function)}
    for name in callbacks:
        method = methods.get(name)
        if method is None:
            continue
        for node in walk(method):
            if (
                isinstance(node, cst.Call)
                and isinstance(node.func, cst.Attribute)
                and node.func.attr.value == here
                and isinstance(node.func.value, cst.Name)
                and node.func.value.value == "self"
                and not _guarded(context, node, method)
            ):
                return True
    return False


def _guarded(context: object, node: cst.CSTNode, function: Function) -> bool:
    """Under an ``if``/``while``/``try`` (or a conditional expression) inside ``function``: a
    running flag or a closed check may end the chain there."""
    below: cst.CSTNode = node  # the ancestor met just before, ending as the function's statement
    for ancestor in context.ancestors(node):  # type: ignore[attr-defined]
        if ancestor is function.body:
            return _early_exit_before(function, below)
        if isinstance(ancestor, (cst.If, cst.While, cst.Try, cst.IfExp, cst.BooleanOperation)):
            return True
        below = ancestor
    return False


def _early_exit_before(function: Function, statement: cst.CSTNode) -> bool:
    """``if not self._running: return`` ahead of the statement in the function's body: the same
    guard as an ``if`` around it, written as an early exit."""
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    for earlier in body:
        if earlier is statement:
            return False
        if isinstance(earlier, cst.If) and any(isinstance(n, (cst.Return, cst.Raise)) for n in walk(earlier.body)):
            return True
    return False


def owner_keeps_other_handles(context: object, call: cst.Call, terminals: Set[str]) -> bool:
    """The class around ``call`` keeps the handle of another one-shot timer (``self._timeout =
    loop.call_later(...)``, with a call named in ``terminals``): an owner that cancels its timers
    on close could cancel this one too, so dropping it is worth a (low) mention."""
    klass = context.nearest(call, cst.ClassDef)  # type: ignore[attr-defined]
    if klass is None:
        return False
    for node in walk(klass):
        if isinstance(node, cst.Assign) and node.value is not call and isinstance(node.value, cst.Call):
            func = node.value.func
            terminal = last_name(func) or ""
            if terminal in terminals and any((dotted_name(t.target) or "").startswith("self.") for t in node.targets):
                return True
    return False
