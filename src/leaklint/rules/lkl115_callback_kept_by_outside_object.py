"""LKL115: a callback that holds the instance (or one call's state) registered on an object it does not own."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.closures import captured_names, in_test_code
from leaklint.analysis.lifetimes import class_methods, first_param, method_owner
from leaklint.analysis.names import decorator_name, dotted_name, last_name, parameter_names
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

# Registration methods of event loops, GUI toolkits, observers and buses that keep the callable
# they are given until it is taken back (asyncio's `add_reader`, Tk's `bind`/`trace_add`, wx's
# `Bind`/`Connect`, Twisted's `addSystemEventTrigger`, pyee's `on`, param's `watch`, ophyd's
# `subscribe`...). `connect` is left to closures: Qt, psygnal, blinker and Django hold a bound
# method's object weakly.
_VERBS = frozenset({
    "add_reader", "add_writer", "add_listener", "add_observer", "add_handler",
    "add_event_handler", "add_event_listener", "add_hook", "add_watcher", "add_subscriber",
    "addlistener", "addobserver", "addeventlistener", "addeventhandler", "addsystemeventtrigger",
    "register_callback", "register_listener", "register_observer", "register_handler",
    "subscribe", "watch", "observe", "listen", "bind", "connect", "trace_add", "trace_variable", "on",
})
# (`add_callback`, `addCallback`, `add_done_callback`, `once`: one-shot callbacks, dropped once run.)
_WEAK_FOR_BOUND_METHODS = frozenset({"connect"})
# Words of the calls that take a registration back, whatever the verb.
_GENERIC_UNDO = frozenset({"remove_all_listeners", "removealllisteners", "unbind_all", "clear_subs", "unsubscribe_all",
                           "disconnect_all", "remove_listeners", "off"})
_QT_OR_KIVY = re.compile(r"^\s*(?:from|import)\s+(?:PyQt\d|PySide\d?|qtpy|pyqtgraph|qgis\.PyQt|kivy|kivymd)\b",
                         re.MULTILINE)
# Methods that run once per instance: a registration there is the instance's own, not per call.
_ONCE_WORDS = ("init", "setup", "set_up", "install", "start", "open", "attach", "connect", "bind", "register",
               "build", "create", "activate", "enable", "subscribe", "watch", "listen", "hook", "wire", "realize")
_END_WORDS = ("close", "destroy", "dispose", "cleanup", "clean_up", "shutdown", "stop", "finalize", "teardown",
              "tear_down", "release", "detach", "unload", "delete", "disconnect", "unregister", "unsubscribe", "quit")
_NOT_BOUND = frozenset({"staticmethod", "classmethod", "property", "cached_property", "setter", "getter", "deleter"})
_PARTIALS = frozenset({"partial", "functools.partial"})

# What the receiver of the registration is, seen from the registering class.
_OWN = "own"  # made by the instance (or the instance itself): a cycle at worst, LKL104's
_GIVEN = "given"  # handed in (a parameter, or stored from one): it can outlive the instance
_MODULE = "module"  # a module-level object: it lives as long as the process
_UNKNOWN = "unknown"  # reached through a call or inherited: its lifetime is not visible
_LOCAL = "local"  # made in the registering function: it dies with the call's objects


class CallbackKeptByOutsideObject(Rule):
    """
    ## What it does
    Flags a method that registers, on an object it does not own, a callback the registry keeps
    until it is taken back, when that callback holds the instance (a bound method `self.on_ready`,
    a lambda or nested function that uses `self`, a `partial` over either) or holds the state of
    one call (a nested function made in the method), and nothing in the class takes it back.
    The registrations are the usual verbs of event loops, GUI toolkits, observers and buses:
    `loop.add_reader(fd, self.on_ready)`, `self.frame.Bind(EVT, self.on_open)`,
    `var.trace_add("write", lambda *a: self.redraw())`, `reactor.addSystemEventTrigger(...)`,
    `source.watch(self.invalidate)`, `self.bus.subscribe(handler)`, `emitter.on("x", cb)`;
    `connect` only with a lambda or nested function (Qt, psygnal, blinker and Django hold a bound
    method's object weakly). The object must not be one the instance makes: a parameter, an
    attribute stored from a parameter, a module-level object (an imported reactor).

    ## Why is this bad?
    The registry keeps the callable, the callable keeps the instance (or the call's objects), so
    the instance lives as long as the object it registered on: a loop, a window, a shared
    variable or bus usually outlives it. Every instance made and dropped stays in memory with
    everything it holds and keeps being called; a registration made on every call of a method
    adds one more entry each time. A class with `__del__` is worse off: the registry keeps it
    alive, so the `__del__` that would close it (and take the registration back) never runs.

    ## Known problems
    Medium confidence when the consequence repeats: the registration is made on every call of a
    method that is not a setup step (`__init__`, `setup`, `start`, `connect_events`...) with a
    closure made there; the class defines `__del__` and nothing else (only `__del__` or what it
    calls, `close()`) takes the registration back; the object is a module-level one and the class has an
    end-of-life method (`close`, `stop`, `destroy`...) that leaves it registered; or that
    end-of-life method takes back other registrations on the same object but not this one. Low
    (strict profile only) for a lambda or nested function that uses `self` registered once per
    instance on an object it was given, in test code, and when the class visibly has one instance
    per process (made at import, a singleton), and for a closure made on every call when the object
    it is registered on has no visible origin (an attribute nothing in the class sets, a call's
    result): it may be the instance's own child. A bound method registered once per instance with
    none of these signs is not reported (an editor extension binding its handlers on the editor's
    text lives as long as the editor), nor is anything registered on an object reached through a
    call, whose lifetime compared with the instance is not visible. The rule stays quiet when the
    class calls the verb's undo anywhere (`remove_reader`, `unbind`/`Unbind`, `trace_remove`, `unsubscribe`,
    `clear_sub`, `disconnect`, `off`...), when the registration's result is kept and read again
    (a handle for later), and in modules that use Qt or Kivy (LKL112 and LKL114 know their rules).

    ## References
    - No rule in ruff, pylint or flake8-bugbear. Python docs: `weakref.WeakMethod`,
      `asyncio.loop.add_reader`/`remove_reader`, Tk `bind`/`unbind`, `Variable.trace_add`/`trace_remove`.
    - Related: LKL111 (a registry written in the project), LKL108 (process registries of the
      standard library), LKL104 (a callable holding `self` stored on an object `self` owns).
    """

    code = "LKL115"
    name = "callback-kept-by-outside-object"
    message = "`{call}` registers a callback that holds `self` on an object the instance does not own"
    examples = (
        Bad(
            "class Connection:\n    def __init__(self, loop, sock):\n        self._loop = loop\n"
            "        self._sock = sock\n        self._loop.add_reader(sock.fileno(), self._on_readable)\n\n"
            "    def _on_readable(self):\n        self._sock.recv(4096)\n\n"
            "    def __del__(self):\n        self._sock.close()\n"
        ),
        Bad(
            "class Gauge:\n    def __init__(self, variable):\n        self.variable = variable\n\n"
            "    def track(self, variable):\n        self.variable = variable\n"
            "        self.variable.trace_add(\"write\", lambda *args: self.redraw())\n\n"
            "    def redraw(self):\n        pass\n"
        ),
        Good(
            "class Connection:\n    def __init__(self, loop, sock):\n        self._loop = loop\n"
            "        self._sock = sock\n        self._loop.add_reader(sock.fileno(), self._on_readable)\n\n"
            "    def _on_readable(self):\n        self._sock.recv(4096)\n\n"
            "    def close(self):\n        self._loop.remove_reader(self._sock.fileno())\n        self._sock.close()\n"
        ),
        Good(
            "class Gauge:\n    def __init__(self, variable):\n        self.variable = variable\n        self._trace = None\n\n"
            "    def track(self, variable):\n        if self._trace is not None:\n"
            "            self.variable.trace_remove(\"write\", self._trace)\n        self.variable = variable\n"
            "        self._trace = self.variable.trace_add(\"write\", lambda *args: self.redraw())\n\n"
            "    def redraw(self):\n        pass\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.calls: List[cst.Call] = []
        self._undo: Dict[int, Set[str]] = {}
        self._weak: Dict[str, bool] = {}

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value.lstrip("_").lower() in _VERBS and node.args:
            self.calls.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.calls or _QT_OR_KIVY.search(self.context.source):
            return
        for call in self.calls:
            self._check(call)

    # -- one registration --------------------------------------------------------------------------

    def _check(self, call: cst.Call) -> None:
        function = self._method(call)
        if function is None:
            return
        method, klass, me = function
        scope = self.context.enclosing_scope(call)
        inner = scope if isinstance(scope, cst.FunctionDef) else method
        assert isinstance(call.func, cst.Attribute)
        verb = call.func.attr.value.lstrip("_").lower()
        found = self._callback(call, verb, inner, klass, me)
        if found is None:
            return
        kind, shown_callback = found
        if kind == "bound" and self._weak_in_module(call.func.attr.value):
            return
        receiver = self._receiver(call.func.value, inner, klass, me)
        if receiver == _LOCAL or (receiver == _OWN and kind != "per-call"):
            return
        has_del = self._defines(klass, "__del__") and self._del_defeated(klass, verb, method)
        if not has_del and (self._undone(klass, verb) or self._handle_kept(call, inner, klass)):
            return
        graded = self._grade(call, method, klass, kind, receiver, verb, has_del)
        if graded is None:
            return
        confidence, why = graded
        owner = klass.name.value
        target = self.context.code(call.func.value).strip()
        held = (f"the `{owner}`" if kind != "per-call" else "the objects of the call that made it")
        message = (
            f"`{target}.{call.func.attr.value}(...)` keeps {shown_callback}, which holds {held}, "
            + (f"and only `{owner}.__del__` (or what it calls) would take it back: {why}"
               if has_del and self._undone(klass, verb)
               else f"and nothing in `{owner}` takes it back: {why}")
        )
        suggestion = (
            f"keep what the registration returns (or the callback) and take it back where the `{owner}` is done "
            f"(the `{call.func.attr.value}` call's undo in `close()`), or register a function that reaches the "
            f"instance through `weakref.ref({me})` / `weakref.WeakMethod`"
        )
        self.report(call, message, suggestion=suggestion, confidence=confidence)

    def _grade(self, call: cst.Call, method: cst.FunctionDef, klass: cst.ClassDef, kind: str, receiver: str,
               verb: str, has_del: bool) -> Optional[Tuple[Confidence, str]]:
        if in_test_code(self.context, method):
            return Confidence.LOW, "test code (low consequence)"
        per_call = kind == "per-call" or (kind == "closure" and self._per_call(method))
        consequence = self._consequence(call, method, klass, kind, receiver, has_del, per_call)
        if consequence is None:
            return None
        confidence, why = consequence
        if confidence is not Confidence.LOW:
            # one instance per process (made at import, a singleton, the shutdown path) pins nothing that piles up
            shared, reason = lt.retention_grade(self.context, call, klass, pin=True, grows=per_call)
            if shared is Confidence.LOW:
                return Confidence.LOW, f"{why} ({reason}: low consequence)"
        return confidence, why

    def _consequence(self, call: cst.Call, method: cst.FunctionDef, klass: cst.ClassDef, kind: str, receiver: str,
                     has_del: bool, per_call: bool) -> Optional[Tuple[Confidence, str]]:
        owner = klass.name.value
        if has_del and kind != "per-call":
            return Confidence.MEDIUM, (f"while it is registered no `{owner}` can be freed, so its `__del__` (which "
                                       f"would clean up) never runs for one its users drop")
        if per_call:
            # an object of unknown origin (a call's result, an attribute nothing here sets) may be the
            # instance's own child, which dies with it: the pile-up is shown only in the strict profile
            return (Confidence.LOW if receiver == _UNKNOWN else Confidence.MEDIUM), (
                f"`{method.name.value}` adds one more on every call, each kept (with what it "
                f"holds) for as long as the object it is registered on lives")
        if receiver == _MODULE and self._ends(klass):
            return Confidence.MEDIUM, (f"a module-level object keeps it until the process exits, so every `{owner}` "
                                       f"registered here stays alive with everything it holds")
        if receiver != _UNKNOWN and self._partly_undone(klass, call):
            return Confidence.MEDIUM, (f"`{owner}`'s teardown takes back its other registrations on the same object "
                                       f"but not this one, so every `{owner}` ended stays alive and keeps being called")
        if kind == "bound" or receiver == _UNKNOWN:
            return None  # a peer's handler (an editor extension on its editor's text): nothing says it dies first
        return Confidence.LOW, (f"if that object outlives the `{owner}`, every `{owner}` registered here stays alive "
                                f"with everything it holds (low confidence: their lifetimes are not visible)")

    # -- the method ------------------------------------------------------------------------------

    def _method(self, node: cst.CSTNode) -> Optional[Tuple[cst.FunctionDef, cst.ClassDef, str]]:
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                klass = method_owner(self.context, ancestor)
                if klass is None:
                    continue  # a nested function: look further out for the method
                if {decorator_name(d) for d in ancestor.decorators} & {"staticmethod", "classmethod"}:
                    return None
                me = first_param(ancestor)
                if me is None or me in ("cls", "mcs", "metacls"):
                    return None
                return ancestor, klass, me
            if isinstance(ancestor, cst.ClassDef):
                return None
        return None

    @staticmethod
    def _per_call(method: cst.FunctionDef) -> bool:
        name = method.name.value.lower()
        if name.startswith("__") and name.endswith("__"):
            return False
        return not any(word in name for word in _ONCE_WORDS)

    # -- the callback ----------------------------------------------------------------------------

    def _callback(self, call: cst.Call, verb: str, function: cst.FunctionDef, klass: cst.ClassDef,
                  me: str) -> Optional[Tuple[str, str]]:
        """("bound" | "closure" | "per-call", how to show it) for the first argument that holds the
        instance or, made in this call, the call's state."""
        for arg in call.args:
            if arg.star:
                continue
            found = self._holds(arg.value, verb, function, klass, me, 0)
            if found is not None:
                return found
        return None

    def _holds(self, value: cst.BaseExpression, verb: str, function: cst.FunctionDef, klass: cst.ClassDef,
               me: str, depth: int) -> Optional[Tuple[str, str]]:
        if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == me:
            if verb in _WEAK_FOR_BOUND_METHODS or value.attr.value not in self._bound_methods(klass):
                return None
            return "bound", f"the bound method `{me}.{value.attr.value}`"
        if isinstance(value, cst.Lambda):
            return self._closure(value, function, me, "a lambda")
        if isinstance(value, cst.Name) and depth == 0:
            nested = next((n for n in walk(function.body) if isinstance(n, cst.FunctionDef)
                           and n.name.value == value.value), None)
            if nested is not None:
                return self._closure(nested, function, me, f"the nested function `{value.value}`")
            return None
        if isinstance(value, cst.Call) and (dotted_name(value.func) or "") in _PARTIALS and depth == 0:
            for arg in value.args:
                found = self._holds(arg.value, "", function, klass, me, depth + 1)
                if found is not None:
                    return found[0], f"a `partial` over {found[1]}"
        return None

    def _closure(self, closure: "cst.Lambda | cst.FunctionDef", function: cst.FunctionDef, me: str,
                 shown: str) -> Optional[Tuple[str, str]]:
        captured = captured_names(self.context, closure, function)
        if me in captured:
            return "closure", f"{shown} (which uses `{me}`)"
        if captured and self._per_call(function) and method_owner(self.context, function) is not None:
            return "per-call", f"{shown} (made on every call, it holds `{sorted(captured)[0]}`)"
        return None

    def _bound_methods(self, klass: cst.ClassDef) -> Set[str]:
        names: Set[str] = set()
        for cls in self._family(klass):
            for method in class_methods(cls):
                if not ({(decorator_name(d) or "").rsplit(".", 1)[-1] for d in method.decorators} & _NOT_BOUND):
                    names.add(method.name.value)
        return names

    def _family(self, klass: cst.ClassDef) -> List[cst.ClassDef]:
        """The class and its bases defined in the same module (by name)."""
        by_name = {n.name.value: n for n in self.context.module.body if isinstance(n, cst.ClassDef)}
        family, todo = [], [klass]
        while todo:
            cls = todo.pop()
            if cls in family:
                continue
            family.append(cls)
            for base in cls.bases:
                found = by_name.get((dotted_name(base.value) or "").rsplit(".", 1)[-1])
                if found is not None:
                    todo.append(found)
        return family

    def _del_defeated(self, klass: cst.ClassDef, verb: str, method: cst.FunctionDef) -> bool:
        """A registration made once per instance (``__init__`` or a setup step) that only ``__del__``
        takes back, itself or through the methods it calls (``close()``), or nothing does: while
        registered the instance cannot die, so that ``__del__`` never runs."""
        name = method.name.value
        if self._per_call(method) and name not in ("__init__", "__post_init__"):
            return False
        undo = _undo_names(verb) | _GENERIC_UNDO
        methods = {m.name.value: m for cls in self._family(klass) for m in class_methods(cls)}
        from_del = {"__del__"}
        todo = ["__del__"]
        while todo:  # what __del__ runs: itself and the methods it calls on its instance, transitively
            current = methods.get(todo.pop())
            if current is None:
                continue
            me = first_param(current) or "self"
            for node in walk(current):
                if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                        dotted_name(node.func.value) == me and node.func.attr.value not in from_del:
                    from_del.add(node.func.attr.value)
                    todo.append(node.func.attr.value)
        for method_name, other in methods.items():
            if method_name in from_del:
                continue
            for node in walk(other):
                if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                        node.func.attr.value.lstrip("_").lower() in undo:
                    return False  # taken back on an ordinary path (a drag that ends, a write that drains)
        return True

    def _weak_in_module(self, verb: str) -> bool:
        """This module defines the registration method and it keeps weak references (a
        ``WeakMethod``, a ``WeakSet``): a bound method does not hold the instance there."""
        if verb not in self._weak:
            self._weak[verb] = self._find_weak(verb)
        return self._weak[verb]

    def _find_weak(self, verb: str) -> bool:
        for node in walk(self.context.module):
            if isinstance(node, cst.FunctionDef) and node.name.value == verb:
                for inner in walk(node):
                    if isinstance(inner, (cst.Name, cst.Attribute)) and \
                            (inner.value if isinstance(inner, cst.Name) else inner.attr.value).startswith(("Weak", "ref")):
                        return True
        return False

    def _ends(self, klass: cst.ClassDef) -> bool:
        """The class has an end-of-life method (``close``, ``stop``, ``destroy``...): its instances end
        before the process does."""
        return any(word in method.name.value.lower() for cls in self._family(klass)
                   for method in class_methods(cls) for word in _END_WORDS)

    def _defines(self, klass: cst.ClassDef, name: str) -> bool:
        return any(method.name.value == name for cls in self._family(klass) for method in class_methods(cls))

    # -- the receiver ----------------------------------------------------------------------------

    def _receiver(self, expr: cst.BaseExpression, function: cst.FunctionDef, klass: cst.ClassDef, me: str) -> str:
        chain: List[str] = []
        node = expr
        while isinstance(node, cst.Attribute):
            chain.append(node.attr.value)
            node = node.value
        if not isinstance(node, cst.Name):
            return _UNKNOWN  # reached through a call or an item
        root = node.value
        if root == me:
            if not chain:
                return _OWN
            return self._self_attribute(chain[-1], klass, me)
        kind = self._name_kind(root, function, klass, me, 0)
        return _LOCAL if kind == _OWN else kind

    def _name_kind(self, name: str, function: cst.FunctionDef, klass: cst.ClassDef, me: str, depth: int) -> str:
        if name in parameter_names(function.params):
            return _GIVEN
        values = [value for target, value in self._assignments(function) if target == name]
        if values:
            kinds = {self._value_kind(value, function, klass, me, depth) for value in values}
            return _OWN if _OWN in kinds else _GIVEN if _GIVEN in kinds else _MODULE if _MODULE in kinds else _UNKNOWN
        if name in self.context.module_bindings.names:
            return _MODULE
        return _UNKNOWN

    def _value_kind(self, value: cst.BaseExpression, function: cst.FunctionDef, klass: cst.ClassDef, me: str,
                    depth: int) -> str:
        if isinstance(value, cst.Name):
            return self._name_kind(value.value, function, klass, me, depth + 1) if depth < 2 else _UNKNOWN
        if isinstance(value, cst.Attribute):
            root = value
            while isinstance(root, cst.Attribute):
                root = root.value  # type: ignore[assignment]
            if isinstance(root, cst.Name) and root.value != me and depth < 2:
                return self._name_kind(root.value, function, klass, me, depth + 1)
            return _UNKNOWN
        if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
            # `kwargs.pop("variable", default)`: what the caller passed in
            if value.func.attr.value in ("pop", "get") and isinstance(value.func.value, cst.Name) \
                    and value.func.value.value in parameter_names(function.params):
                return _GIVEN
            return _UNKNOWN if value.func.attr.value[:1].islower() else _OWN
        if isinstance(value, cst.Call):
            return _OWN  # made here: `Thing(...)`, `make_thing()`
        return _UNKNOWN

    def _self_attribute(self, attr: str, klass: cst.ClassDef, me: str) -> str:
        kinds: Set[str] = set()
        for cls in self._family(klass):
            for statement in cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ():
                if isinstance(statement, cst.SimpleStatementLine):  # a class attribute: `bus = Signal()`
                    for small in statement.body:
                        if isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is not None and any(
                                isinstance(t, cst.Name) and t.value == attr for t in _targets(small)):
                            kinds.add(_OWN)
            for method in class_methods(cls):
                self_name = first_param(method) or me
                for target, value in self._assignments(method, self_name):
                    if target == f"{self_name}.{attr}":
                        kinds.add(self._value_kind(value, method, klass, self_name, 0))
        for kind in (_OWN, _GIVEN, _MODULE):
            if kind in kinds:
                return kind
        return _UNKNOWN

    @staticmethod
    def _assignments(function: cst.FunctionDef, self_name: str = "") -> List[Tuple[str, cst.BaseExpression]]:
        found: List[Tuple[str, cst.BaseExpression]] = []
        for node in walk(function.body):
            if isinstance(node, (cst.Assign, cst.AnnAssign)) and node.value is not None:
                for target in _targets(node):
                    spelled = dotted_name(target)
                    if spelled is not None and (spelled.count(".") == 0 or spelled.startswith(self_name + ".")):
                        found.append((spelled, node.value))
            elif isinstance(node, cst.NamedExpr) and isinstance(node.target, cst.Name):
                found.append((node.target.value, node.value))
        return found

    # -- taken back? -----------------------------------------------------------------------------

    def _undo_calls(self, klass: cst.ClassDef) -> Set[str]:
        key = id(klass)
        if key not in self._undo:
            names: Set[str] = set()
            for cls in self._family(klass):
                for node in walk(cls):
                    terminal = last_name(node.func) if isinstance(node, cst.Call) else None
                    if terminal:
                        names.add(terminal.lstrip("_").lower())
            self._undo[key] = names
        return self._undo[key]

    def _undone(self, klass: cst.ClassDef, verb: str) -> bool:
        return bool(self._undo_calls(klass) & (_undo_names(verb) | _GENERIC_UNDO))

    def _partly_undone(self, klass: cst.ClassDef, call: cst.Call) -> bool:
        """The class takes back some registration on the same receiver: `self.frame.Disconnect(...)`."""
        assert isinstance(call.func, cst.Attribute)
        receiver = dotted_name(call.func.value)
        if receiver is None:
            return False
        every_undo = set().union(*(_undo_names(v) for v in _VERBS)) | _GENERIC_UNDO
        for cls in self._family(klass):
            for node in walk(cls):
                if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and \
                        node.func.attr.value.lstrip("_").lower() in every_undo and \
                        dotted_name(node.func.value) == receiver:
                    return True
        return False

    def _handle_kept(self, call: cst.Call, function: cst.FunctionDef, klass: cst.ClassDef) -> bool:
        """The registration's result is kept and read again: a handle to take it back with."""
        parent = self.context.parent(call)
        while isinstance(parent, cst.Await):
            parent = self.context.parent(parent)
        if isinstance(parent, cst.Expr):
            return False
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is not None:
            targets = _targets(parent)
            if len(targets) != 1:
                return True
            target = targets[0]
            if isinstance(target, cst.Name):
                return any(isinstance(n, cst.Name) and n.value == target.value and n is not target
                           for n in walk(function))
            if isinstance(target, cst.Attribute):
                return _attribute_loaded(klass, target)
        return True


def _targets(node: "cst.Assign | cst.AnnAssign") -> List[cst.BaseExpression]:
    if isinstance(node, cst.Assign):
        return [t.target for t in node.targets]
    return [node.target]


def _attribute_loaded(klass: cst.ClassDef, target: cst.Attribute) -> bool:
    """``.<attr>`` read anywhere else in the class (not only assigned, as ``self.handle = None``)."""
    stores: Set[int] = set()
    for node in walk(klass):
        if isinstance(node, cst.AssignTarget):
            stores.add(id(node.target))
        elif isinstance(node, cst.AnnAssign):
            stores.add(id(node.target))
    for node in walk(klass):
        if isinstance(node, cst.Attribute) and node.attr.value == target.attr.value and node is not target \
                and id(node) not in stores:
            return True
        if isinstance(node, cst.SimpleString) and node.value.strip("'\"") == target.attr.value:
            return True
    return False


def _undo_names(verb: str) -> Set[str]:
    """Lower-cased names of the calls that take back a registration made with ``verb``."""
    names = {"un" + verb, "un_" + verb, "dis" + verb, "remove_" + verb, "clear_" + verb, "de" + verb}
    if verb.startswith("add"):
        stem = verb[3:].lstrip("_")
        names |= {"remove_" + stem, "remove" + stem, "del_" + stem, "discard_" + stem, "clear_" + stem}
    if verb.startswith("register"):
        names |= {"un" + verb, "de" + verb}
    if verb.startswith("trace"):
        names |= {"trace_remove", "trace_vdelete"}
    if verb in ("on", "once", "listen"):
        names |= {"off", "remove_listener", "removelistener"}
    if verb == "subscribe":
        names |= {"clear_sub", "unsub"}
    return names
