"""tkinter event bindings whose command id is dropped by code that runs again and again.

``widget.bind(seq, func)``, ``canvas.tag_bind(item, seq, func)``, ``text.tag_bind(tag, seq, func)``
(and ``bind_all``/``bind_class``) register ``func`` as a Tcl command and return its name
(``Misc._bind`` in ``tkinter/__init__.py``). The widget keeps that name in ``_tclCommands`` and
the interpreter keeps the Python callable until the widget is destroyed, or until the name is
given back: ``unbind(seq, funcid)``, ``tag_unbind(tag, seq, funcid)`` or ``deletecommand(funcid)``.
Binding the same sequence again, or ``tag_delete``/``canvas.delete`` of the item, frees nothing
(CPython's own ``idlelib/tree.py`` says so: "This leaks bindings until canvas is deleted").

Binding once per widget (in ``__init__`` or a builder it calls) costs one command per widget.
Binding in a method that redraws or refreshes adds commands, and the callbacks with what they
hold (bound methods keep their object), on every run for as long as the widget lives. This module
finds those calls; LKL307 decides what the dropped id means.
"""

from __future__ import annotations

import re
from typing import Dict, Optional, Set

import libcst as cst

from leaklint.analysis.lifetimes import class_methods, first_param, method_owner
from leaklint.analysis.names import dotted_name
from leaklint.analysis.walk import walk

# The binding method -> the position of its callback argument (``func`` by keyword).
CALLBACK_POSITION: Dict[str, int] = {"bind": 1, "bind_all": 1, "tag_bind": 2, "bind_class": 2}
# The call that gives the command back, as the suggestion spells it.
UNDO: Dict[str, str] = {
    "bind": "unbind({sequence}, funcid)",
    "bind_all": "deletecommand(funcid)",
    "bind_class": "deletecommand(funcid)",
    "tag_bind": "tag_unbind({tag}, {sequence}, funcid)",
}
_TK_IMPORT = re.compile(r"^\s*(?:from|import)\s+(?:tkinter|Tkinter|customtkinter|ttkbootstrap)\b", re.MULTILINE)
# Methods that run once per object.
_PER_INSTANCE = frozenset({"__init__", "__post_init__", "__new__"})


def uses_tkinter(source: str) -> bool:
    return _TK_IMPORT.search(source) is not None


def callback(call: cst.Call, method: str) -> Optional[cst.BaseExpression]:
    """The callable the call binds, or None (a Tcl script string, ``None``, or a query ``bind(seq)``)."""
    position = CALLBACK_POSITION[method]
    found: Optional[cst.BaseExpression] = None
    positional = [arg for arg in call.args if arg.keyword is None and not arg.star]
    keyword = next((arg for arg in call.args if arg.keyword is not None and arg.keyword.value == "func"), None)
    if keyword is not None:
        found = keyword.value
    elif len(positional) > position:
        found = positional[position].value
    if found is None or isinstance(found, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)):
        return None
    if isinstance(found, cst.Name) and found.value == "None":
        return None
    return found


def repeated_binding(context: object, call: cst.Call) -> Optional[cst.FunctionDef]:
    """The method ``call`` (a tkinter binding with a callable) sits in directly, when that method
    does not run once per object and binds on a widget the object keeps (``self`` or
    ``self.<attr>...``) that the method does not build itself; None otherwise."""
    function = context.enclosing_scope(call)  # type: ignore[attr-defined]
    klass = method_owner(context, function)  # type: ignore[arg-type]
    if klass is None or not isinstance(function, cst.FunctionDef):
        return None
    self_name = first_param(function)
    if self_name is None or not isinstance(call.func, cst.Attribute):
        return None
    receiver = (dotted_name(call.func.value) or "").split(".")
    if receiver[0] != self_name:
        return None
    if len(receiver) == 1 and call.func.attr.value == "bind":
        return None  # its own sequences, re-bound when it is re-plugged (idlelib's delegators): rare
    if len(receiver) > 1 and receiver[1] in _assigned_attributes(function, self_name):
        return None  # the method builds the widget again: its commands go with the old one
    if _once_per_instance(_self_calls(klass), function.name.value, set()):
        return None
    return function


def _assigned_attributes(function: cst.FunctionDef, self_name: str) -> Set[str]:
    assigned: Set[str] = set()
    for node in walk(function):
        if isinstance(node, (cst.Assign, cst.AnnAssign)):
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
            for target in targets:
                if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value == self_name:
                    assigned.add(target.attr.value)
    return assigned


def _self_calls(klass: cst.ClassDef) -> Dict[str, Set[str]]:
    """Each method of the class -> the methods it calls through its first parameter."""
    calls: Dict[str, Set[str]] = {}
    for method in class_methods(klass):
        owner = first_param(method)
        calls[method.name.value] = {
            node.func.attr.value
            for node in walk(method.body)
            if isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and isinstance(node.func.value, cst.Name)
            and node.func.value.value == owner
        }
    return calls


def _once_per_instance(calls: Dict[str, Set[str]], name: str, seen: Set[str]) -> bool:
    """``__init__``, or a builder that only per-instance methods call (followed through the class;
    a method no other method calls is called from outside, and may run any number of times)."""
    if name in _PER_INSTANCE or name in seen:
        return True  # a cycle of calls adds no caller from outside
    callers = [caller for caller, called in calls.items() if name in called and caller != name]
    if not callers:
        return False
    seen.add(name)
    return all(_once_per_instance(calls, caller, seen) for caller in callers)
