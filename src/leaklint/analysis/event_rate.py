"""Which methods of a class run once per event (a message, a connection, a record, a callback).

``run_frequency`` answers "once per process"; this module answers the other end: a method that
something outside the class calls again and again over the object's life. Code that adds to a
container there adds once per event, so a container nothing trims grows with the traffic the
object has seen, whatever the method is called.

A method runs per event when, in its own module:

* it is a protocol hook that an event loop calls per connection, chunk or datagram
  (``data_received``, ``connection_lost``, Twisted's ``dataReceived``...), or a logging
  handler's ``emit`` (once per record);
* its bound method (``self.on_reply``) is handed to a registration call (``bus.subscribe(...,
  self.on_reply)``, ``emitter.add_listener(self.m)``, ``signal.connect(self.m)``) or assigned
  over a handler slot of another object (``client.on_message = self.m``): the other object calls
  it for every event it delivers;
* another method of the class calls it (``self.m()``) on every pass of a ``while`` loop (a serve
  or reconnect loop);
* a per-event method of the class calls it (followed to a fixed point).

Nested functions count the same way: a closure handed to a registration call or assigned over a
handler slot runs per event (``controller.handle = wrapper``).

Nothing here says how long the object lives: a per-connection protocol runs ``data_received``
per chunk for one connection only. Rules combine the answer with what they know of the owner.
"""

from __future__ import annotations

import re
import weakref
from typing import Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.growth_facts import in_while_loop
from leaklint.analysis.lifetimes import class_methods, is_self_attribute
from leaklint.analysis.names import last_name
from leaklint.analysis.walk import walk

# Hooks an event loop or framework calls per connection, chunk, datagram or record.
PROTOCOL_HOOKS: Dict[str, str] = {
    "data_received": "chunk of data a connection receives",
    "datagram_received": "datagram",
    "eof_received": "connection",
    "connection_made": "connection",
    "connection_lost": "connection",
    "buffer_updated": "chunk of data a connection receives",
    "dataReceived": "chunk of data a connection receives",
    "datagramReceived": "datagram",
    "lineReceived": "line a connection receives",
    "rawDataReceived": "chunk of data a connection receives",
    "connectionMade": "connection",
    "connectionLost": "connection",
}
# `emit` is a hook only where a base class says so (a logging handler, a log observer).
_RECORD_HOOK_BASES = ("handler", "observer")
# Calls that keep what they are given and call it per event until it is taken back.
REGISTRATION_VERBS = frozenset({
    "add_reader", "add_listener", "add_observer", "add_handler", "add_event_handler", "add_event_listener",
    "add_hook", "add_watcher", "add_subscriber", "addlistener", "addobserver", "addeventlistener",
    "addeventhandler", "register_callback", "register_listener", "register_observer", "register_handler",
    "subscribe", "watch", "observe", "listen", "bind", "connect", "on", "add_signal_handler",
})
# Registrations whose source holds a bound method's object weakly (Qt, blinker, psygnal and Django
# signals all `connect` that way): they say how often the method runs, not that the object is kept.
_WEAK_VERBS = frozenset({"connect"})
# Words of the calls that take a registration back (`bus.unsubscribe(self.m)`, `emitter.off(...)`).
_UNDO_WORDS = ("unsubscribe", "disconnect", "unregister", "unbind", "unwatch", "unobserve", "unlisten",
               "remove", "discard", "off", "detach", "delete")
# Attribute names of another object's handler slot (`client.on_message = ...`, `ctl._handle_event = ...`).
_SLOT_PREFIXES = ("on_", "handle", "_handle", "callback", "_callback")


class _ClassRates:
    def __init__(self, context: FileContext, klass: cst.ClassDef) -> None:
        self.reasons: Dict[str, str] = {}  # method name -> why it runs per event
        self.closures: Dict[int, str] = {}  # id of a nested FunctionDef -> why it runs per event
        self.registered: Dict[str, str] = {}  # methods whose bound method the class hands to an event source
        self.kept: Dict[str, str] = {}  # ... to a source that holds it strongly until the class takes it back
        taken_back: Set[str] = set()
        methods = {m.name.value: m for m in class_methods(klass)}
        bases = [(last_name(b.value) or "").lower() for b in klass.bases if b.keyword is None]
        for name in methods:
            if name in PROTOCOL_HOOKS:
                self.reasons[name] = f"the event loop calls `{name}()` once per {PROTOCOL_HOOKS[name]}"
            elif name == "emit" and any(b.endswith(_RECORD_HOOK_BASES) for b in bases):
                self.reasons[name] = "logging calls `emit()` once per record"
        calls: Dict[str, Set[str]] = {name: set() for name in methods}
        for name, method in methods.items():
            for node in walk(method.body):
                if isinstance(node, cst.FunctionDef):
                    why = _registered(context, node.name.value, node)
                    if why is not None:
                        self.closures[id(node)] = f"the nested `{node.name.value}()` {why}"
                    continue
                if not (is_self_attribute(node) and node.attr.value in methods):  # type: ignore[attr-defined]
                    continue
                target = node.attr.value
                parent = context.parent(node)
                if isinstance(parent, cst.Call) and parent.func is node:
                    calls[name].add(target)
                    if target not in self.reasons and in_while_loop(context, node):
                        self.reasons[target] = f"`{name}()` calls `{target}()` on every pass of its loop"
                    continue
                why = _registered(context, f"self.{target}", node)
                if why is not None and target not in self.registered:
                    self.registered[target] = self.reasons[target] = f"`self.{target}` {why}"
                    if _held_strongly(context, node):
                        self.kept[target] = self.registered[target]
                elif why is None and _taken_back(context, node):
                    taken_back.add(target)
        for target in taken_back:
            self.kept.pop(target, None)
        changed = True
        while changed:
            changed = False
            for name, called in calls.items():
                if name not in self.reasons:
                    continue
                for target in called:
                    if target not in self.reasons and not target.startswith("__"):
                        self.reasons[target] = f"`{name}()`, which runs per event, calls it"
                        changed = True


def _registered(context: FileContext, shown: str, node: cst.CSTNode) -> Optional[str]:
    """Why the callable ``node`` (a ``self.m`` reference, or a nested ``def``) is called per event
    by another object, or None."""
    if isinstance(node, cst.FunctionDef):
        scope = context.enclosing_function(node)
        if scope is None:
            return None
        for use in walk(scope.body):
            if isinstance(use, cst.Name) and use.value == node.name.value and use is not node.name:
                why = _registered(context, node.name.value, use)
                if why is not None:
                    return why
        return None
    parent = context.parent(node)
    if isinstance(parent, cst.Arg):
        call = context.parent(parent)
        if isinstance(call, cst.Call) and (last_name(call.func) or "").lower() in REGISTRATION_VERBS:
            return f"is handed to `{last_name(call.func)}()`, which calls it per event"
        return None
    if isinstance(parent, cst.Assign) and parent.value is node:
        for target in parent.targets:
            slot = target.target
            if (isinstance(slot, cst.Attribute) and not is_self_attribute(slot)
                    and slot.attr.value.lower().startswith(_SLOT_PREFIXES)):
                return f"is set as the `{slot.attr.value}` handler of another object"
    return None


def _registering_call(context: FileContext, node: cst.CSTNode) -> Optional[cst.Call]:
    parent = context.parent(node)
    call = context.parent(parent) if isinstance(parent, cst.Arg) else None
    return call if isinstance(call, cst.Call) else None


def _held_strongly(context: FileContext, node: cst.CSTNode) -> bool:
    """The registration that ``node`` (``self.m``) is handed to keeps the object: not a signal
    ``connect`` (weak in the common libraries), and not a registration function of this module
    that wraps what it is given in a weak reference."""
    call = _registering_call(context, node)
    if call is None:
        return True  # a handler slot: the other object holds the bound method
    verb = last_name(call.func) or ""
    if verb.lower() in _WEAK_VERBS:
        return False
    owner = call.func.value if isinstance(call.func, cst.Attribute) else None
    owner_name = owner.value if isinstance(owner, cst.Name) else None
    for function in _defined_functions(context.module, owner_name):
        if function.name.value == verb:
            if any(isinstance(c, cst.Call) and (context.qualified_name(c.func) or "").startswith("weakref.")
                   for c in walk(function.body)):
                return False
    return True


def _defined_functions(module: cst.Module, owner: Optional[str]) -> List[cst.FunctionDef]:
    """The module's functions and its classes' methods (not nested ones: no whole-tree walk); only
    the methods of class ``owner`` when the module defines it (``Hub.add_listener(...)``)."""
    classes = [s for s in module.body if isinstance(s, cst.ClassDef)]
    if owner is not None and any(c.name.value == owner for c in classes):
        return [m for c in classes if c.name.value == owner for m in class_methods(c)]
    found: List[cst.FunctionDef] = [s for s in module.body if isinstance(s, cst.FunctionDef)]
    for klass in classes:
        found.extend(class_methods(klass))
    return found


def _taken_back(context: FileContext, node: cst.CSTNode) -> bool:
    """``node`` (``self.m``) is handed to a call that undoes a registration (``bus.unsubscribe(
    self.m)``, ``emitter.remove_listener("x", self.m)``)."""
    call = _registering_call(context, node)
    verb = (last_name(call.func) or "").lower() if call is not None else ""
    return bool(verb) and any(word in verb for word in _UNDO_WORDS)


_cache: "weakref.WeakKeyDictionary[FileContext, Dict[int, _ClassRates]]" = weakref.WeakKeyDictionary()


def _rates(context: FileContext, klass: cst.ClassDef) -> _ClassRates:
    per_file = _cache.get(context)
    if per_file is None:
        per_file = _cache[context] = {}
    found = per_file.get(id(klass))
    if found is None:
        found = per_file[id(klass)] = _ClassRates(context, klass)
    return found


def per_event_methods(context: FileContext, klass: cst.ClassDef) -> Dict[str, str]:
    """The methods of ``klass`` that run once per event, each with why."""
    return _rates(context, klass).reasons


def registered_handlers(context: FileContext, klass: cst.ClassDef) -> Dict[str, str]:
    """The methods of ``klass`` whose bound method the class itself hands to an event source
    (a registration call, another object's handler slot), each with why. The source keeps the
    object for as long as the registration stands, and calls it for every event it delivers."""
    return _rates(context, klass).registered


_SLOT_ASSIGNMENT = re.compile(r"\.\s*(?:on_|_?handle|_?callback)\w*\s*=\s*self\.")


def may_register(source: str) -> bool:
    """Whether a module's text could hand a bound method to an event source at all: a cheap test
    that lets rules skip ``registered_handlers`` (a walk of every class) in most modules."""
    if "self." not in source:
        return False
    return any(f".{verb}(" in source for verb in REGISTRATION_VERBS) or _SLOT_ASSIGNMENT.search(source) is not None


def kept_handlers(context: FileContext, klass: cst.ClassDef) -> Dict[str, str]:
    """The registered handlers of ``klass`` (see ``registered_handlers``) whose source keeps the
    object: held strongly, and never taken back by the class (no ``unsubscribe(self.m)``)."""
    return _rates(context, klass).kept


def per_event_reason(context: FileContext, function: cst.FunctionDef) -> Optional[str]:
    """Why ``function`` (a method, or a function nested in one) runs once per event, or None."""
    outer: Optional[cst.FunctionDef] = function
    while outer is not None:
        klass = context.enclosing_class(outer)
        if klass is not None and context.parent(context.parent(outer) or outer) is klass:
            rates = _rates(context, klass)
            if outer is function:
                return rates.reasons.get(function.name.value)
            return rates.closures.get(id(function))
        outer = context.enclosing_function(outer)
    return None
