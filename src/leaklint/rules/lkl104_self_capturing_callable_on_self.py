"""LKL104: a callable that holds ``self`` stored on ``self`` (or handed to a long-lived registry)."""

from __future__ import annotations

import re
import weakref
from typing import Callable, Dict, List, Optional, Set, Tuple, TypeVar

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.closures import carries_call_state, in_test_code
from leaklint.analysis.containers import is_empty_container
from leaklint.analysis.memoizers import memoizing_wrapper
from leaklint.analysis.cycle_rules import NO_CONSEQUENCE, consequence_grade
from leaklint.analysis.context import FileContext
from leaklint.analysis.names import assignment_parts, decorator_name, last_name
from leaklint.analysis.walk import walk, walk_scope, walk_type
from leaklint.rule import Bad, Confidence, Good, Rule

T = TypeVar("T")

_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 1}
_CANDIDATE_VALUES = (cst.Attribute, cst.Lambda, cst.Name, cst.Call, cst.Dict, cst.List, cst.Tuple, cst.Set,
                     cst.ListComp, cst.SetComp)
# A weak reference keeps its callback (the second argument) strongly.
_WEAK_WITH_CALLBACK = frozenset({"weakref.ref", "weakref.KeyedRef", "weakref.proxy", "_weakref.ref"})
_IMPLICIT_CLASSMETHODS = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})
_PARTIALS = frozenset({"functools.partial", "functools.partialmethod"})
# Calls whose result keeps the callable it is given (read in CPython's source): an `lru_cache` or
# `cache` wrapper (its `__wrapped__` and the cache), `update_wrapper`, a ctypes function object
# made from a prototype (it keeps the Python callable it calls back), and `ctypes.cast`, whose
# result keeps its source object in `_objects`.
_WRAPPERS = frozenset({"functools.lru_cache", "functools.cache", "functools.update_wrapper", "functools.wraps",
                       "ctypes.CFUNCTYPE", "ctypes.WINFUNCTYPE", "ctypes.PYFUNCTYPE", "ctypes.cast",
                       "types.MethodType"})
_CLASS_PARAMETERS = frozenset({"self", "cls", "klass", "kls", "class_", "typ", "type_", "mcs", "metacls"})
_CONSTANT_NAME = re.compile(r"^_*[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
_ADDING_KEEPERS = ("add", "append", "register", "subscribe", "listen", "connect", "bind", "watch")
_HANDLER_NAME = re.compile(r"(handler|callback|hook|_func$|_cb$)", re.IGNORECASE)


class SelfCapturingCallableOnSelf(Rule):
    """
    ## What it does
    Flags a callable that holds `self` stored on `self`: a bound method (`self.handler =
    self.on_event`, `self.callbacks.append(self.method)`, `{"a": self.on_a}`), a lambda or
    nested function that uses `self`, `functools.partial(self.method, ...)`, or a call that wraps
    and keeps the bound method (`lru_cache(maxsize=None)(self.method)`, a ctypes callback
    `CALLBACK(self.method)`, `ctypes.cast(...)` of one), also through a local bound once to it
    (`cb = CALLBACK(self.m)` then `self._callbacks[n] = cb`). Also a weak reference whose
    callback is a bound method of `self` (`self._refs.append(weakref.ref(item, self._remove))`: the
    reference keeps its callback), a bound method kept through a local
    (`saved = self.notify` ... `self.notify = saved` in a `finally:`), and an object's own slot
    replaced by a wrapper of its own bound method (`module.forward = partial(f, module.forward)`,
    `self.optimizer.step = counted(self.optimizer.step)` with a decorator of the file that returns a
    closure over its argument). Also flags a bound
    method handed to `atexit.register`, which keeps `self` alive until the interpreter exits.

    A table bound in the class body (`_command_handlers = {}`) and never rebound on an instance
    belongs to the class: `self._command_handlers[cmd] = self.on_cmd` puts the method there, not on
    the instance, so it is no cycle and is not reported.

    ## Why is this bad?
    A bound method holds its instance (`self.on_event.__self__ is self`), and a lambda or nested
    function that uses `self` holds it in its closure. Stored on `self`, it makes a reference
    cycle: the instance and everything it holds are freed only when the cyclic garbage collector
    runs (late, and never under `gc.disable()`), not when the last outside reference goes.
    `atexit.register(self.close)` keeps the instance alive until exit.

    Store `weakref.WeakMethod(self.method)` (call it to get the bound method, None once the
    instance is gone), or look the method up when it is needed. Never `weakref.ref(self.method)`:
    the bound method is a temporary object and that reference dies at once.

    How much it costs is graded by consequence (the default-visibility policy, docs/rules.md).
    High: the cycle recurs (one more callable in a container on every call, or per loop
    iteration) or the object holds something a collection would release late (a `__del__` that
    releases something, a thread, socket or file that no close-like method of the class
    releases, or an attribute named as bulk data such as `self.images`): the message names it.
    Low, shown only by the strict profile: one cycle per object with nothing heavy in it, whatever
    the creation rate (the young generation frees it; reviewers of packages leaklint was never run
    on judged none of these worth a change), a store on the
    shutdown path (`close()`, `__exit__`), on an error path (in an `except` block), or in a class
    with one instance per process (made at module level or only in `main()`, `__new__`, an
    `_instance` attribute, or named as the application, console or supervisor).
    Medium: an object's own method replaced on the instance by something that keeps its bound
    method, on an object the function is handed (`module.forward = partial(f, module.forward)`,
    `self.optimizer.step = counted(self.optimizer.step)`), or by the very same bound method put
    back after a swap (`saved = self.notify` ... `self.notify = saved`): every object the code runs
    on (a model, an optimizer, every instance of a class) stays in the cycle for the rest of its
    life with everything it holds, and the fix (the unbound function and a weak reference, or
    taking the shadow out of `__dict__`) changes no behaviour.
    A memoizing cache of the object's own method kept on the object (`self.get =
    functools.cache(self.get)`, `lru_cache(maxsize=None)(self.m)`, `cachetools.cached(...)(self.m)`
    or a memoizer of the module) is medium: the cache keeps every argument and result in the cycle,
    so what the cycle delays grows with use (`functools.cached_property`, or a dict on the instance
    used by a plain method, caches without the cycle).
    A callback wrapper kept so that native code can call it back (`self._cbs[n] = CALLBACK(self.m)`)
    is graded by what the cycle delays (a `__del__`, a resource), not by one more per call. A
    callable appended to a work queue the class takes entries out of again (`self.queue.append(action)`
    with `self.queue.pop(0)` in `run()`) is low: the entries do not pile up.
    `atexit.register(self.m)` pins every instance until exit, a registry that grows per instance:
    medium, high when the module makes the class per call or the class holds something heavy, low
    for a process singleton or a class made only in a lazy `if x is None: owner.x = X()` factory
    (one per owner).

    ## Known problems
    A lambda or nested function that captures the call's own arguments or locals besides `self`
    (`lambda: self.run(state)`) is reported as LKL401, whose `functools.partial` fix fits it
    better. Only methods defined in the class itself are recognised (not inherited ones). Often the
    cycle is harmless for a small object that lives as long as the program; its cost is the
    delayed release of what the instance holds. A callable pushed onto a container that the same
    method takes out again in `finally:` (a context manager's `self._stack.append(...)` ...
    `finally: self._stack.pop()`) is low (strict profile only). A bound method kept in a slot the class re-points
    (`self.state = self.running` in a state machine, or a default handler that a setter or the
    constructor lets callers replace) is reported at low confidence, shown only by the strict
    profile: a `WeakMethod` there would break `==` comparisons and the public setter. So is a
    slot the class re-points or resets itself (`self.stack = self.app` wrapped by middleware
    later, or `self._on_data = None` in `close()`, which breaks the cycle explicitly), and a
    public attribute named as a handler (`self.push_handler = self.handle_push`), which callers
    replace by assignment or through a setter in another module; a dispatch table of the
    object's own callables (`self.handlers = {"GET": self.on_get}`, `self.t["log"] = lambda ...`),
    which lives exactly as long as the object; and every store after the first in a class that
    is already in such a cycle, since removing one more frees nothing earlier.
    `atexit.register(self.close)` is not reported when the class calls `atexit.unregister`. A bound
    method handed to a constructor whose object `self` keeps (`Kernel(fn=self.potential)`) is
    LKL101's; one handed to a method that keeps it, on `self` or on an object `self` made
    (`self.scale.listen(self.update)`, `self.button.set_click_callback(on_click)`,
    `self.add_callback(lambda v: ...self...)`), is this rule's when that class is in the same file
    and does not reset or drain the attribute it keeps it in, nor wraps what it is given in
    `weakref.WeakMethod`/`weakref.ref` in some branch (a signal that keeps bound methods weakly
    and plain functions strongly).

    ## References
    - No rule in ruff, pylint or flake8-bugbear. Python docs: `weakref.WeakMethod`, `atexit`.
    - Related: LKL103 (an object in its own container).
    """

    code = "LKL104"
    name = "self-capturing-callable-on-self"
    message = "`{target}` stores a callable that holds `self`: a reference cycle"
    examples = (
        Bad(
            "import socket\n\n\nclass Connection:\n    def __init__(self, host):\n"
            "        self.sock = socket.create_connection((host, 80))\n        self._on_data = self.on_data\n\n"
            "    def on_data(self, data):\n        pass\n"
        ),
        Bad(
            "class Widget:\n    def __init__(self):\n        self.size = 1\n        self.watchers = []\n\n"
            "    def watch(self):\n        self.watchers.append(lambda: self.size ** 2)\n"
        ),
        Good(
            "import weakref\n\n\nclass Widget:\n    def __init__(self):\n"
            "        self.handler = weakref.WeakMethod(self.on_event)\n\n"
            "    def on_event(self):\n        pass\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._methods: Dict[int, Optional[Tuple[str, Set[str]]]] = {}
        self._nested: Dict[int, Dict[str, cst.FunctionDef]] = {}
        self._slots: Dict[int, Dict[str, Set[str]]] = {}
        self._stores: Dict[int, List[Tuple[cst.CSTNode, str, str, str, Confidence]]] = {}
        self._method_calls: List[cst.Call] = []
        self._attribute_classes: Dict[int, Dict[str, str]] = {}
        self._shared: Dict[int, Set[str]] = {}  # per class: containers its instances share (see _shared_containers)
        self._by_consequence: Set[int] = set()  # stores made low by `_grade`, not by design
        self._bindings: Dict[int, Dict[str, Optional[cst.BaseExpression]]] = {}  # function -> single bindings
        self._queues: Dict[int, Set[str]] = {}  # class -> attributes its methods take entries out of

    def _method(self, node: cst.CSTNode) -> Optional[Tuple[cst.FunctionDef, str, Set[str]]]:
        """(method, name of self, the class's plain methods) when ``node`` is in a method body."""
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef):
            return None
        key = id(function)
        if key not in self._methods:
            self._methods[key] = self._describe_method(function)
        found = self._methods[key]
        return (function, *found) if found is not None else None

    def _describe_method(self, function: cst.FunctionDef) -> Optional[Tuple[str, Set[str]]]:
        block = self.context.parent(function)
        cls = self.context.parent(block) if block is not None else None
        if not isinstance(cls, cst.ClassDef):
            return None
        if any(decorator_name(d) in ("staticmethod", "classmethod") for d in function.decorators):
            return None
        if function.name.value in _IMPLICIT_CLASSMETHODS:
            return None
        params = [*function.params.posonly_params, *function.params.params]
        if not params or params[0].name.value in ("cls", "mcs", "mcls", "metacls"):
            return None  # a class already sits in cycles (its __mro__ holds it); functions on it are not bound
        return params[0].name.value, _methods(cls)

    def nested(self, function: cst.FunctionDef, self_name: str) -> Dict[str, cst.FunctionDef]:
        key = id(function)
        if key not in self._nested:
            self._nested[key] = {
                inner.name.value: inner for inner in walk_scope(function)
                if type(inner) is cst.FunctionDef and inner is not function and _uses(self.context, inner, self_name)
            }
        return self._nested[key]

    def visit_Assign(self, node: cst.Assign) -> None:
        if not isinstance(node.value, _CANDIDATE_VALUES):
            return
        if type(node.value) is cst.Call and len(node.targets) == 1 and type(node.targets[0].target) is cst.Attribute:
            self._rewrapped_slot(node, node.targets[0].target, node.value)
        self._stored(node, [t.target for t in node.targets], node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        # `self._handlers: Dict[type, Handler] = {...: self.handle_x}`: typed code annotates the store
        if node.value is not None and isinstance(node.value, _CANDIDATE_VALUES):
            self._stored(node, [node.target], node.value)

    def _stored(self, node: "cst.Assign | cst.AnnAssign", targets: List[cst.BaseExpression],
                value: cst.BaseExpression) -> None:
        if not any(isinstance(t, (cst.Attribute, cst.Subscript)) for t in targets):
            return
        method = self._method(node)
        if method is None:
            return
        function, self_name, methods = method
        for target in targets:
            if _on_self(target, self_name):
                if isinstance(target, cst.Subscript) and self._in_shared_container(target.value, function):
                    continue
                self._value(node, target, value, self_name, methods, function)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if not isinstance(func, (cst.Attribute, cst.Name)) or not node.args:
            return
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value
        if name not in _ADDERS and name != "register":
            receiver = func.value if isinstance(func, cst.Attribute) else None
            if isinstance(receiver, cst.Attribute):
                receiver = receiver.value
            if isinstance(receiver, cst.Name) and receiver.value == "self":
                self._method_calls.append(node)  # `self.child.listen(self.m)`: checked at the end
            return
        method = self._method(node)
        if method is not None:
            function, self_name, methods = method
            self._call(node, self_name, methods, function)

    def _call(self, node: cst.Call, self_name: str, methods: Set[str], function: cst.FunctionDef) -> None:
        func = node.func
        positional = [a for a in node.args if a.keyword is None and not a.star]
        if isinstance(func, cst.Attribute) and func.attr.value in _ADDERS and _on_self(func.value, self_name):
            index = _ADDERS[func.attr.value]
            if len(positional) > index and not self._in_shared_container(func.value, function):
                self._value(node, func.value, positional[index].value, self_name, methods, function)
            return
        if self.context.qualified_name(func) == "atexit.register" and positional:
            what = self._describe(positional[0].value, self_name, methods, function)
            cls = self.context.enclosing_class(node)
            if what is not None and cls is not None and self._unregisters(cls):
                return  # `atexit.unregister(...)` when the object is closed: the pin ends with it
            if what is not None:
                confidence, why = consequence_grade(self.context, node, cls, pin=True)
                if in_test_code(self.context, function):
                    confidence, why = Confidence.LOW, "test code runs once"
                self.report(
                    node,
                    f"`atexit.register` keeps {what} and with it `{self_name}` alive until the interpreter exits"
                    + (f" ({why}: low consequence)" if confidence is Confidence.LOW else f" ({why})" if why else ""),
                    suggestion=(
                        f"register a function that does not hold `{self_name}` (e.g. `weakref.finalize({self_name}, "
                        f"cleanup, resource)`, which runs at exit too and lets `{self_name}` go), or "
                        f"`atexit.unregister` it when `{self_name}` is closed"
                    ),
                    confidence=confidence,
                )

    def _in_shared_container(self, container: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        """``self._handlers`` names a container of the class itself (see ``_shared_containers``):
        what goes in is kept by the class, not by the instance, so there is no cycle through it."""
        cls = self.context.enclosing_class(function)
        if cls is None or not isinstance(container, cst.Attribute):
            return False
        shared = self._shared.get(id(cls))
        if shared is None:
            shared = self._shared[id(cls)] = _shared_containers(cls)
        return container.attr.value in shared

    def _value(self, node: cst.CSTNode, target: cst.BaseExpression, value: cst.BaseExpression, self_name: str,
               methods: Set[str], function: cst.FunctionDef) -> None:
        what = self._describe(value, self_name, methods, function)
        if what is None:
            return
        shown = self.context.code(target).strip()
        if isinstance(target, cst.Subscript):
            shown = self.context.code(target.value).strip()
        message = (
            f"`{shown}` stores {what}; it holds `{self_name}`, so `{self_name}` is in a reference cycle "
            f"and is freed only when the cyclic garbage collector runs"
        )
        method = _first_method(self.context.code(value), self_name, methods)
        confidence = Confidence.HIGH
        shadowed = self._shadowed_method(node, target, value, self_name, methods, function)
        slot = self._slot(node, target, self_name, value if isinstance(node, (cst.Assign, cst.AnnAssign)) else None) if method is not None else None
        if shadowed is not None:
            # `self.notify = saved_notify` (its own bound method, put back after a swap): the
            # instance's method now lives in its `__dict__`, so every object that runs this code
            # stays cyclic for life. Not a mode switch to another method (that is a slot).
            confidence, why = self._grade(node, None, per_call=False)
            if confidence is Confidence.LOW and why.endswith(NO_CONSEQUENCE):
                confidence, why = Confidence.MEDIUM, (
                    f"`{shown}` shadows the class's own method `{shadowed}` with this object's bound method: every "
                    f"object that runs this code stays in the cycle for its whole life, with everything it holds")
            if confidence is Confidence.LOW:
                self._by_consequence.add(id(node))
            message += f" ({why}: low consequence)" if confidence is Confidence.LOW else f" ({why})" if why else ""
        elif slot is not None:
            # A state machine's current state, or a default handler users may replace: a
            # WeakMethod there breaks `==` and the public setter, and the object lives as its slot.
            confidence = Confidence.LOW
            message += f" (`{shown}` is a slot {slot}: low consequence)"
        elif _dispatch_table(target, value):
            # `self.handlers = {"GET": self.on_get}`, `self.namespaces["log"] = lambda ...`: a
            # dispatch table of the object's own behaviour lives exactly as long as the object.
            confidence = Confidence.LOW
            message += f" (`{shown}` is a dispatch table of the object's own callables: low consequence)"
        elif self._consumed_queue(node, target):
            # `self.queue.append(action)`, and `run()` does `self.queue.pop(0)` and calls it: a work
            # queue whose entries leave once they have run, so they do not pile up, and the
            # cycle lasts until the entry runs.
            confidence = Confidence.LOW
            message += (f" (the class takes entries out of `{shown}` again (a work queue): they do not pile up, and "
                        f"each cycle ends when its entry is taken out: low consequence)")
            self._by_consequence.add(id(node))
        elif self._removed_in_finally(function, shown):
            # `self._stack.append(lambda ...: ...)`; `try: yield` / `finally: self._stack.pop()`:
            # a context manager's entry, taken out again when the block ends.
            confidence = Confidence.LOW
            message += f" (`{function.name.value}` takes it out of `{shown}` again in `finally:`: low consequence)"
            self._by_consequence.add(id(node))  # not a cycle for good: other stores are still judged
        if confidence is Confidence.HIGH and shadowed is None:
            # A wrapper kept so that native code can call back (`self._cbs[n] = CALLBACK(self.m)`)
            # must stay for the object's life: one more per call is not the cost, what the
            # cycle delays (a `__del__`, a resource) is.
            weak = self._weak_callback(value, self_name, methods) is not None
            wrapped = weak or self._wrapped_method(value, self_name, methods, function) is not None
            confidence, why = self._grade(node, None if wrapped else target, per_call=not weak)
            memoised = self._memoised_method(value, self_name, methods, function)
            if memoised is not None and confidence is Confidence.LOW and why.endswith(NO_CONSEQUENCE) \
                    and not in_test_code(self.context, node):
                # `self.get = functools.cache(self.get)`: the cache keeps every argument and result
                # in the cycle, so what the cycle delays grows with use; a plain method (or a
                # `cached_property`, a dict on the instance) does the same without the cycle.
                confidence, why = Confidence.MEDIUM, (
                    f"`{memoised}` caches the object's own method: every argument and result it has "
                    f"seen stays in the cycle with `{self_name}` until the cyclic collector runs, one such "
                    f"cycle per object")
            if confidence is Confidence.LOW:
                message += f" ({why}: low consequence)"
                self._by_consequence.add(id(node))
            elif why:
                message += f" ({why})"
        if method is not None:
            suggestion = (
                f"store `weakref.WeakMethod({self_name}.{method})` (call it to get the method back), or call "
                f"`{self_name}.{method}` where it is needed instead of storing it"
            )
        else:
            suggestion = (
                f"do not capture `{self_name}`: make it a method and look it up when needed, or capture "
                f"`weakref.ref({self_name})` and call it inside"
            )
        cls = self.context.enclosing_class(node)
        self._stores.setdefault(id(cls), []).append((node, shown, message, suggestion, confidence))

    def leave_Module(self, node: cst.Module) -> None:
        if self._method_calls:
            storing = _storing_methods(self.context)
            if storing:
                for call in self._method_calls:
                    self._handed_to_keeper(call, storing)
        # Per class: once the object is in a cycle by design (a dispatch table, a handler slot) or
        # through an earlier store, another callable on it frees nothing earlier when removed.
        for stores in self._stores.values():
            # Only a cycle by design (a slot, a dispatch table) puts the object in a cycle for good;
            # a store graded low by consequence (on the shutdown or error path) does not.
            cycle: Optional[str] = next((shown for store, shown, _, _, c in stores
                                         if c is Confidence.LOW and id(store) not in self._by_consequence), None)
            for store, shown, message, suggestion, confidence in stores:
                if confidence is not Confidence.LOW and cycle is not None and cycle != shown:
                    confidence = Confidence.LOW
                    message += (f" (the object is already in a reference cycle through `{cycle}`, so this one "
                                f"frees nothing earlier: low consequence)")
                elif cycle is None and id(store) not in self._by_consequence:
                    cycle = shown
                self.report(store, message, suggestion=suggestion, confidence=confidence)

    def _handed_to_keeper(self, call: cst.Call, storing: Dict[str, Dict[str, Tuple[Tuple[str, ...], Dict[str, str]]]]) -> None:
        """``self.m(cb)`` or ``self.child.m(cb)`` where ``m`` (of a class in this file) keeps its
        argument on its own instance, and ``cb`` holds ``self``: a cycle through that store."""
        method = self._method(call)
        if method is None:
            return
        function, self_name, methods = method
        func = call.func
        assert isinstance(func, cst.Attribute)
        receiver = func.value
        cls = self.context.enclosing_class(function)
        if cls is None:
            return
        if isinstance(receiver, cst.Name) and receiver.value == self_name:
            owner, via = cls.name.value, f"`{self_name}`"
        elif (isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name)
              and receiver.value.value == self_name):
            classes = self._attribute_classes.get(id(cls))
            if classes is None:
                classes = self._attribute_classes[id(cls)] = _attribute_classes(cls, set(storing))
            owner = classes.get(receiver.attr.value)
            via = f"`{self_name}.{receiver.attr.value}`"
            if owner is None:
                return
        else:
            return
        keeper = storing.get(owner, {}).get(func.attr.value)
        if keeper is None:
            return
        params, kept = keeper
        positional = [a for a in call.args if a.keyword is None and not a.star]
        for index, arg in enumerate(call.args):
            if arg.star:
                continue
            param = arg.keyword.value if arg.keyword is not None else (
                params[1 + positional.index(arg)] if 1 + positional.index(arg) < len(params) else None)
            if param is None or param not in kept:
                continue
            what = self._describe(arg.value, self_name, methods, function)
            if what is None and isinstance(arg.value, cst.Lambda) and _uses(self.context, arg.value, self_name):
                what = f"a lambda that uses `{self_name}`"
            if what is None:
                continue
            shown = self.context.code(func).strip()
            message = (
                f"`{shown}` keeps {what} in {via}'s `{kept[param]}`, which `{self_name}` holds: a reference "
                f"cycle, so `{self_name}` is freed only when the cyclic garbage collector runs"
            )
            suggestion = (
                f"pass `weakref.WeakMethod(...)` (or a function that reaches `{self_name}` through "
                f"`weakref.ref({self_name})`), or clear `{kept[param]}` once it has been called"
            )
            confidence, why = self._grade(call, None)
            if confidence is Confidence.LOW:
                message += f" ({why}: low consequence)"
                self._by_consequence.add(id(call))
            self._stores.setdefault(id(cls), []).append((call, f"{via}.{kept[param]}", message, suggestion, confidence))
            return

    def _grade(self, node: cst.CSTNode, target: Optional[cst.BaseExpression], *,
               per_call: bool = True) -> Tuple[Confidence, str]:
        """The cycle's consequence (lifetimes.retention_grade): high when it recurs (one more
        callable in a container per call, or per loop iteration) or the object holds something
        heavy; low on the shutdown path, on an error path, in a process singleton or in a test;
        medium for one cycle per object of a class whose creation rate is not known here."""
        if in_test_code(self.context, node):
            return Confidence.LOW, "test code runs once"
        site = lt.retention_site(self.context, node)
        # `self.callbacks.append(cb)` / `self.table[k] = cb` outside the constructor: one more per call
        # (a keeper method named `set_*`/`on_send` fills a slot, replaced by the next call's value)
        adds = isinstance(target, cst.Subscript) or (
            isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
            and (node.func.attr.value in _ADDERS or node.func.attr.value.lstrip("_").startswith(_ADDING_KEEPERS)))
        grows = per_call and adds and site not in (lt.SITE_ONCE, lt.SITE_TEARDOWN)
        return consequence_grade(self.context, node, self.context.enclosing_class(node), pin=False, grows=grows)

    def _removed_in_finally(self, function: cst.FunctionDef, container: str) -> bool:
        """A ``finally:`` of ``function`` takes items out of ``container`` (``self._stack.pop()``)."""
        for node in walk_scope(function):
            if not isinstance(node, cst.Try) or node.finalbody is None:
                continue
            for inner in walk(node.finalbody):
                if (
                    isinstance(inner, cst.Call)
                    and isinstance(inner.func, cst.Attribute)
                    and inner.func.attr.value in ("pop", "popleft", "remove", "discard", "clear")
                    and self.context.code(inner.func.value).strip() == container
                ):
                    return True
        return False

    def _unregisters(self, cls: cst.ClassDef) -> bool:
        return any(self.context.qualified_name(inner.func) == "atexit.unregister" for inner in walk_type(cls, cst.Call))

    def _slot(self, node: cst.CSTNode, target: cst.BaseExpression, self_name: str,
              value: Optional[cst.BaseExpression] = None) -> Optional[str]:
        """How ``self.attr`` is re-pointed elsewhere in the class, when it is: to other bound
        methods (a state machine) or to something handed in (a replaceable default handler)."""
        if not isinstance(target, cst.Attribute):
            return None
        cls = self.context.enclosing_class(node)
        if cls is None:
            return None
        values = _per_class(cls, self._slots, _slot_values).get(target.attr.value, set())
        if len({v for v in values if v.startswith("method:")}) > 1:
            return "re-pointed to other methods (a state machine)"
        if "handed-in" in values:
            return "that callers may set to their own handler"
        if value is not None and "other" in values and _assigned_elsewhere(cls, target.attr.value, node):
            # `self.stack = self.app` then `self.stack = Wrapper(self.stack)`, or `self.cb = None`
            # in close(): the class manages this slot itself (a WeakMethod would break the chain)
            return "that the class re-points or resets itself"
        attr = target.attr.value
        if isinstance(value, cst.Attribute) and attr in _callable_members(cls):
            # `self.basic_publish = self.basic_publish_confirm`: the instance swaps one of its own
            # methods for another (a mode switch); callers call it, so a WeakMethod would break
            # `obj.basic_publish(msg)`.
            return "that overrides a method of the class for this instance (callers call it)"
        if isinstance(value, cst.Attribute) and not attr.startswith("_") and _HANDLER_NAME.search(attr):
            # `self.push_handler = self.handle_push`: a public default handler, replaced by
            # assignment or by a setter in a subclass or base class in another module.
            return "a public default handler that callers may replace"
        return None

    def _describe(self, value: cst.BaseExpression, self_name: str, methods: Set[str],
                  function: cst.FunctionDef) -> Optional[str]:
        method = _bound_method(value, self_name, methods)
        if method is not None:
            return f"the bound method `{self_name}.{method}`"
        # Closures that also capture the call's own state (`lambda: self.run(state)`) are
        # LKL401's: this rule takes the ones whose only capture is `self`.
        if isinstance(value, cst.Lambda) and _uses(self.context, value, self_name):
            if carries_call_state(self.context, value, function, self_name):
                return None
            return f"a lambda that uses `{self_name}`"
        if isinstance(value, cst.Name) and value.value in self.nested(function, self_name):
            nested = self.nested(function, self_name)[value.value]
            if isinstance(nested, cst.FunctionDef) and carries_call_state(self.context, nested, function, self_name):
                return None
            return f"the nested function `{value.value}`, which uses `{self_name}`"
        if isinstance(value, cst.Call) and self.context.qualified_name(value.func) in _PARTIALS and value.args:
            inner = _bound_method(value.args[0].value, self_name, methods)
            if inner is not None:
                return f"a `partial` of the bound method `{self_name}.{inner}`"
        wrapped = self._wrapped_method(value, self_name, methods, function)
        if wrapped is not None:
            return wrapped
        inner = self._weak_callback(value, self_name, methods)
        if inner is not None:
            return f"a weak reference whose callback is the bound method `{self_name}.{inner}` (it keeps its callback)"
        alias = self._alias_kept(value, self_name, methods, function) if isinstance(value, cst.Name) else None
        if alias is not None:
            return f"the bound method `{self_name}.{alias}` (through the local `{value.value}`)"
        if isinstance(value, (cst.ListComp, cst.SetComp)):
            found = self._describe(value.elt, self_name, methods, function)
            return f"a container with {found}" if found is not None else None
        if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
            for element in value.elements:
                found = self._describe(element.value, self_name, methods, function)
                if found is not None:
                    return f"a container with {found}"
        if isinstance(value, cst.Dict):
            for element in value.elements:
                if isinstance(element, cst.DictElement):
                    found = self._describe(element.value, self_name, methods, function)
                    if found is not None:
                        return f"a dict with {found}"
        return None

    def _consumed_queue(self, node: cst.CSTNode, target: cst.BaseExpression) -> bool:
        """``self.<attr>.append(cb)`` where a method of the class takes entries out of ``<attr>``
        again (``.pop()``, ``.popleft()``, a queue's ``.get()``, also through an alias of ``self`` such as
        ``parent.queue.pop(0)``): a work queue, not a registry that keeps what it is given."""
        if not (isinstance(node, cst.Call) and isinstance(target, cst.Attribute)):
            return False
        cls = self.context.enclosing_class(node)
        return cls is not None and target.attr.value in _per_class(cls, self._queues, _consumed_attributes)

    def _shadowed_method(self, node: cst.CSTNode, target: cst.BaseExpression, value: cst.BaseExpression,
                         self_name: str, methods: Set[str], function: cst.FunctionDef) -> Optional[str]:
        """The method ``m`` when ``self.m = <the bound method self.m>`` (directly or through a local
        bound once to it): the instance shadows a method of its class with itself, a store that
        changes no behaviour and only ties the object into a cycle."""
        if not (isinstance(node, (cst.Assign, cst.AnnAssign)) and isinstance(target, cst.Attribute)
                and _on_self(target, self_name)):
            return None
        attr = target.attr.value
        if attr not in methods or attr.startswith("__"):
            return None
        if isinstance(value, cst.Name):
            kept = self._alias_kept(value, self_name, methods, function)
        else:
            kept = _bound_method(value, self_name, methods)
        return attr if kept == attr else None

    def _weak_callback(self, value: cst.BaseExpression, self_name: str, methods: Set[str]) -> Optional[str]:
        """``weakref.ref(item, self._remove)``: the method when the reference's callback is a bound
        method of ``self`` (the reference keeps its callback, and the callback ``self``). Each entry
        leaves with its referent, so what it costs is the cycle, not one more per call."""
        if not isinstance(value, cst.Call) or self.context.qualified_name(value.func) not in _WEAK_WITH_CALLBACK:
            return None
        positional = [a for a in value.args if a.keyword is None and not a.star]
        callback = positional[1].value if len(positional) > 1 else next(
            (a.value for a in value.args if a.keyword is not None and a.keyword.value == "callback"), None)
        return _bound_method(callback, self_name, methods) if callback is not None else None

    def _alias_kept(self, name: cst.Name, self_name: str, methods: Set[str], function: cst.FunctionDef) -> Optional[str]:
        """``saved = self.m`` ... ``self.slot = saved`` (traitlets' "restore" of a method it had
        swapped out): the method ``m`` when ``name`` is bound once, to a bound method of ``self``,
        and the function does not take the slot out of the instance again
        (``self.__dict__.pop(...)``, ``del self.slot``)."""
        key = id(function)
        if key not in self._bindings:
            self._bindings[key] = _single_bindings(function)
        bound = self._bindings[key].get(name.value)
        method = _bound_method(bound, self_name, methods) if bound is not None else None
        if method is None:
            return None
        for node in walk_scope(function):
            if type(node) is cst.Del:
                return None
            if (type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "pop"
                    and type(node.func.value) is cst.Attribute and node.func.value.attr.value == "__dict__"):
                return None
        return method

    def _rewrapped_slot(self, node: cst.Assign, target: cst.Attribute, value: cst.Call) -> None:
        """``obj.forward = partial(f, obj.forward)``, ``self.opt.step = counted(self.opt.step)``: the
        object's own slot now holds a wrapper that keeps the object's bound method, and so the
        object itself (fairscale's checkpoint wrapper, torch's LR scheduler)."""
        owner = target.value
        if target.attr.value[:1].isupper():
            return  # `pool.ConnectionCls = wrap(pool.ConnectionCls)`: a class, not a bound method
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef) or not self._instance_owner(owner, function):
            return
        shown = self.context.code(target).strip()
        args = [a for a in value.args if not a.star]
        position = next((i for i, a in enumerate(args) if self.context.code(a.value).strip() == shown), None)
        if position is None:
            return
        keeper = self._keeping_wrapper(value, args, position, function)
        if keeper is None:
            return
        message = (
            f"`{shown}` is replaced by `{keeper}(...)` that keeps the bound method `{shown}`, which holds "
            f"`{self.context.code(owner).strip()}`: a reference cycle through the object's own attribute, so it "
            f"is freed only when the cyclic garbage collector runs"
        )
        confidence, why = consequence_grade(self.context, node, None, pin=False)
        if confidence is Confidence.LOW and why.endswith(NO_CONSEQUENCE) and not in_test_code(self.context, node):
            # The object is handed in (a model, an optimizer): this function puts every object
            # it is applied to into a cycle for the rest of its life, whatever that object holds.
            confidence, why = Confidence.MEDIUM, (
                f"`{self.context.code(owner).strip()}` is an object handed in from outside: every object this code patches "
                f"stays in the cycle for the rest of its life, with everything it holds")
        message += f" ({why}: low consequence)" if confidence is Confidence.LOW else f" ({why})" if why else ""
        suggestion = (
            f"wrap the unbound function (`type(obj).{target.attr.value}`) and reach the object through "
            f"`weakref.ref(obj)`, or keep the wrapper somewhere the object does not hold"
        )
        cls = self.context.enclosing_class(node)
        self._stores.setdefault(id(cls), []).append((node, shown, message, suggestion, confidence))
        self._by_consequence.add(id(node))

    def _instance_owner(self, owner: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        """``owner`` names an instance: a parameter of ``function`` (not a class or module: a
        module's ``m`` is a plain function, not a bound method) or an attribute of one."""
        params = [*function.params.posonly_params, *function.params.params, *function.params.kwonly_params]
        if isinstance(owner, cst.Attribute) and isinstance(owner.value, cst.Name):
            return bool(params) and owner.value.value == params[0].name.value and owner.attr.value != "__class__"
        if not isinstance(owner, cst.Name):
            return False
        for param in params:
            if param.name.value == owner.value:
                annotation = self.context.code(param.annotation.annotation).strip() if param.annotation else ""
                # a class decorator's class (`klass.__init__ = wrap(klass.__init__)`) holds plain functions
                return owner.value not in _CLASS_PARAMETERS and not annotation.startswith(
                    ("type", "Type", "ModuleType", "types.ModuleType")) and not self._decorates_classes(function)
        return False

    def _decorates_classes(self, function: cst.FunctionDef) -> bool:
        """``function`` is applied to a class of this module as ``@function``."""
        name = function.name.value
        return any(decorator_name(d) == name for cls in walk_type(self.context.module, cst.ClassDef) for d in cls.decorators)

    def _keeping_wrapper(self, value: cst.Call, args: List[cst.Arg], position: int,
                         function: cst.FunctionDef) -> Optional[str]:
        """The name of the call when its result keeps the argument at ``position``: a ``partial``
        (any argument), a known wrapper (its first), or a decorator of this file that returns a
        nested function using that parameter."""
        name = self.context.qualified_name(value.func) or ""
        shown = self.context.code(value.func).strip()
        if name in _PARTIALS:
            return shown
        if name in _WRAPPERS:
            return shown if position == 0 else None
        if not isinstance(value.func, cst.Name) or args[position].keyword is not None:
            return None
        decorator = next((d for d in (*walk_scope(function), *self.context.module.body)
                          if type(d) is cst.FunctionDef and d is not function and d.name.value == value.func.value), None)
        if decorator is None:
            return None
        params = [*decorator.params.posonly_params, *decorator.params.params]
        if position >= len(params):
            return None
        param = params[position].name.value
        returned = {r.value.value for r in walk_scope(decorator) if type(r) is cst.Return and isinstance(r.value, cst.Name)}
        for inner in walk_scope(decorator):
            if type(inner) is cst.FunctionDef and inner is not decorator and inner.name.value in returned \
                    and _uses(self.context, inner, param):
                return shown
        return None

    def _wrapped_method(self, value: cst.BaseExpression, self_name: str, methods: Set[str],
                        function: cst.FunctionDef, depth: int = 0) -> Optional[str]:
        """``lru_cache(maxsize=None)(self.m)``, ``ctypes.cast(CALLBACK(self.m), CALLBACK)``, or a
        local bound once to one of them (``cb = ...; self._cbs[n] = cb``): a wrapper that keeps
        the bound method, and with it ``self``."""
        if isinstance(value, cst.Name) and depth == 0:
            key = id(function)
            if key not in self._bindings:
                self._bindings[key] = _single_bindings(function)
            bound = self._bindings[key].get(value.value)
            return self._wrapped_method(bound, self_name, methods, function, 1) if bound is not None else None
        if not isinstance(value, cst.Call) or not value.args or value.args[0].keyword is not None or depth > 3:
            return None
        func = value.func
        if isinstance(func, cst.Call):
            keeper = self.context.code(func.func).strip()  # `lru_cache(maxsize=None)(...)`: a decorator applied by hand
        else:
            name = self.context.qualified_name(func) or ""
            last = last_name(func) or ""
            # A module constant called with a callable is a ctypes prototype by convention (`WNDPROC(self.proc)`).
            if name not in _WRAPPERS and not _CONSTANT_NAME.match(last) and memoizing_wrapper(self.context, value) is None:
                return None
            keeper = self.context.code(func).strip()
        first = value.args[0].value
        method = _bound_method(first, self_name, methods)
        if method is not None:
            return f"`{keeper}(...)` wrapping the bound method `{self_name}.{method}` (the wrapper keeps it)"
        return self._wrapped_method(first, self_name, methods, function, depth + 1)

    def _memoised_method(self, value: cst.BaseExpression, self_name: str, methods: Set[str],
                         function: cst.FunctionDef) -> Optional[str]:
        """``self.<method>`` when ``value`` is a memoizing cache around it (``functools.cache(self.get)``,
        ``lru_cache(maxsize=None)(self.m)``, a memoizer of this module), directly or through a local
        bound once to one."""
        if isinstance(value, cst.Name):
            key = id(function)
            if key not in self._bindings:
                self._bindings[key] = _single_bindings(function)
            bound = self._bindings[key].get(value.value)
            value = bound if bound is not None else value
        if not isinstance(value, cst.Call) or not value.args or value.args[0].keyword is not None:
            return None
        if memoizing_wrapper(self.context, value) is None:
            return None
        method = _bound_method(value.args[0].value, self_name, methods)
        return self.context.code(value).strip() if method is not None else None


_TAKERS = frozenset({"pop", "popleft", "get", "get_nowait"})


def _consumed_attributes(cls: cst.ClassDef) -> Set[str]:
    """Attributes a method of ``cls`` takes entries out of one by one: ``<x>.<attr>.pop(...)``
    (``popleft``, a queue's ``get()``) on any receiver inside the class. Not ``clear()``: a
    registry emptied by ``close()`` still keeps every entry until then."""
    found: Set[str] = set()
    for node in walk_type(cls, cst.Call):
        func = node.func
        if (type(func) is cst.Attribute and func.attr.value in _TAKERS and type(func.value) is cst.Attribute
                and not (func.attr.value == "get" and node.args)):
            found.add(func.value.attr.value)
    return found


def _single_bindings(function: cst.FunctionDef) -> Dict[str, Optional[cst.BaseExpression]]:
    """Local name -> the value it is bound to, when ``name = value`` is its only assignment
    (None when it is assigned more than once or otherwise)."""
    found: Dict[str, Optional[cst.BaseExpression]] = {}
    for node in walk_scope(function):
        if type(node) is cst.Assign:
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    name = target.target.value
                    found[name] = node.value if name not in found else None
        elif type(node) in (cst.AugAssign, cst.AnnAssign) and isinstance(node.target, cst.Name):
            found[node.target.value] = None
    return found


def _slot_values(cls: cst.ClassDef) -> Dict[str, Set[str]]:
    """For each ``self.attr`` assigned in the class's methods: ``method:<name>`` for a bound
    method of self, ``handed-in`` for a parameter of the method, ``other`` for anything else."""
    found: Dict[str, Set[str]] = {}
    for node in walk_type(cls, cst.FunctionDef):
        params = [p.name.value for p in (*node.params.posonly_params, *node.params.params, *node.params.kwonly_params)]
        if not params:
            continue
        self_name, others = params[0], set(params[1:])
        for inner in walk_scope(node):
            targets, value = assignment_parts(inner)
            for t in targets:
                if not (isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value == self_name):
                    continue
                if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == self_name:
                    kind = f"method:{value.attr.value}"
                elif isinstance(value, cst.Name) and value.value in others:
                    kind = "handed-in"
                else:
                    kind = "other"
                found.setdefault(t.attr.value, set()).add(kind)
    return found


def _methods(cls: cst.ClassDef) -> Set[str]:
    """Plain methods defined in the class body (no properties, static- or classmethods)."""
    found: Set[str] = set()
    if not isinstance(cls.body, cst.IndentedBlock):
        return found
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef):
            kinds = {decorator_name(d) for d in statement.decorators}
            if not kinds & {"staticmethod", "classmethod", "property", "setter", "getter", "deleter",
                            "cached_property", "abstractproperty"}:
                found.add(statement.name.value)
    return found


def _callable_members(cls: cst.ClassDef) -> Set[str]:
    """The class's methods and the class-level aliases of them (`basic_publish = _basic_publish`)."""
    found = _methods(cls)
    if isinstance(cls.body, cst.IndentedBlock):
        for statement in cls.body.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign) and isinstance(small.value, cst.Name) and small.value.value in found:
                        found |= {t.target.value for t in small.targets if isinstance(t.target, cst.Name)}
    return found


def _first_method(code: str, self_name: str, methods: Set[str]) -> Optional[str]:
    """The first ``self.method`` (a method of the class) mentioned in ``code``."""
    import re

    for match in re.finditer(rf"\b{re.escape(self_name)}\.(\w+)", code):
        if match.group(1) in methods:
            return match.group(1)
    return None


def _on_self(expr: cst.BaseExpression, self_name: str) -> bool:
    if isinstance(expr, cst.Subscript):
        expr = expr.value
    return isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == self_name


def _bound_method(value: cst.BaseExpression, self_name: str, methods: Set[str]) -> Optional[str]:
    if (isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == self_name
            and value.attr.value in methods):
        return value.attr.value
    return None


def _uses(context: FileContext, function: cst.CSTNode, name: str) -> bool:
    """True when ``function``'s body reads ``name`` from an enclosing scope (a closure).

    ``def remove(wr, selfref=ref(self)): self = selfref()`` binds its own ``self``: not a closure.
    The bindings come from the context's per-scope cache, shared with name resolution.
    """
    if isinstance(function, (cst.FunctionDef, cst.Lambda)):
        if name in context.scope_bindings(function).names:
            return False
    return any(inner.value == name for inner in walk_type(function.body, cst.Name))


def _dispatch_table(target: cst.BaseExpression, value: cst.BaseExpression) -> bool:
    """A table of callables keyed by name: ``self.t = {"GET": ...}``, ``self.t["log"] = ...``."""
    if isinstance(target, cst.Subscript):
        key = target.slice[0].slice if len(target.slice) == 1 else None
        if isinstance(key, cst.Index) and isinstance(key.value, cst.Attribute) and isinstance(key.value.value, cst.Name) \
                and key.value.value.value == "self":
            return False  # `t[self._count]`: a key per call, not a name (one more entry each time)
        return isinstance(key, cst.Index) and isinstance(key.value, (cst.SimpleString, cst.Name, cst.Attribute)) and not (
            isinstance(key.value, cst.Name) and key.value.value.islower())  # `t["log"]`, `t[INFO_CMD]`, not `t[i]`
    if isinstance(value, cst.Dict):
        return True
    return isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict"


_KEEPERS: "weakref.WeakKeyDictionary[FileContext, Dict[str, Dict[str, Tuple[Tuple[str, ...], Dict[str, str]]]]]" = (
    weakref.WeakKeyDictionary())


def _storing_methods(context: FileContext) -> Dict[str, Dict[str, Tuple[Tuple[str, ...], Dict[str, str]]]]:
    """For each class of this file: its methods that keep a parameter on the instance
    (``self.cb = cb``, ``self.listeners.append(cb)``), as (parameters, {parameter: attribute}).
    An attribute the class resets or drains outside ``__init__`` does not keep anything for long."""
    found = _KEEPERS.get(context)
    if found is not None:
        return found
    found = {}
    for cls in walk_type(context.module, cst.ClassDef):
        if not isinstance(cls.body, cst.IndentedBlock):
            continue
        released = _reset_attributes(cls)
        shared = _shared_containers(cls)
        per_method: Dict[str, Tuple[Tuple[str, ...], Dict[str, str]]] = {}
        for method in cls.body.body:
            if not isinstance(method, cst.FunctionDef):
                continue
            params = tuple(p.name.value for p in (*method.params.posonly_params, *method.params.params))
            if not params:
                continue
            self_name, others = params[0], set(params[1:]) | {p.name.value for p in method.params.kwonly_params}
            kept: Dict[str, str] = {}
            weakly: Set[str] = set()
            for node in walk_scope(method):
                node_type = type(node)  # exact types: isinstance on libcst's ABCs is slow, and this runs on every node
                if node_type is cst.Call and _weak_wrapper(node) and node.args \
                        and type(node.args[0].value) is cst.Name and node.args[0].value.value in others:
                    # `WeakMethod(callback)` in one branch (`if inspect.ismethod(callback):`): the
                    # keeper holds bound methods weakly, and a plain function holds no `self`.
                    weakly.add(node.args[0].value.value)
                elif node_type is cst.Assign and type(node.value) is cst.Name and node.value.value in others:
                    for target in node.targets:
                        attr = _self_attribute(target.target, self_name)
                        if attr is not None and isinstance(target.target, cst.Subscript) and attr in shared:
                            continue  # `self._handlers[key] = cb` into the class's own table
                        if attr is not None and attr not in released:
                            kept.setdefault(node.value.value, attr)
                elif node_type is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in _ADDERS:
                    attr = _self_attribute(node.func.value, self_name)
                    positional = [a for a in node.args if a.keyword is None and not a.star]
                    index = _ADDERS[node.func.attr.value]
                    if attr is not None and attr not in released and attr not in shared and len(positional) > index:
                        value = positional[index].value
                        if isinstance(value, cst.Name) and value.value in others:
                            kept.setdefault(value.value, attr)
            kept = {param: attr for param, attr in kept.items() if param not in weakly}
            if kept:
                per_method[method.name.value] = (params, kept)
        if per_method:
            found[cls.name.value] = per_method
    _KEEPERS[context] = found
    return found


def _weak_wrapper(call: cst.Call) -> bool:
    """``weakref.ref(x)``, ``WeakMethod(x)``, ``weakref.proxy(x)``, ``ref(x)``."""
    func = call.func
    name = last_name(func) or ""
    return name in ("ref", "WeakMethod", "proxy")


def _self_attribute(expr: cst.BaseExpression, self_name: str) -> Optional[str]:
    if isinstance(expr, cst.Subscript):
        expr = expr.value
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == self_name:
        return expr.attr.value
    return None


def _shared_containers(cls: cst.ClassDef) -> Set[str]:
    """Names the class body binds (``_handlers = {}``) that no method rebinds on an instance
    (``self._handlers = ...``): ``self._handlers[key] = cb`` then fills the class's own table, which
    keeps ``cb`` (and its ``self``) for the class's life. That is no cycle through the instance:
    only the last instance to register stays, until the next one replaces it."""
    bound: Set[str] = set()
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    for statement in body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign):
                bound.update(t.target.value for t in small.targets if isinstance(t.target, cst.Name))
            elif isinstance(small, cst.AnnAssign) and small.value is not None and isinstance(small.target, cst.Name):
                bound.add(small.target.value)
    if not bound:
        return bound
    for assign in walk_type(cls, cst.Assign):
        for target in assign.targets:
            if isinstance(target.target, cst.Attribute) and target.target.attr.value in bound:
                bound.discard(target.target.attr.value)
    for assign in walk_type(cls, cst.AnnAssign):
        if isinstance(assign.target, cst.Attribute):
            bound.discard(assign.target.attr.value)
    return bound


def _reset_attributes(cls: cst.ClassDef) -> Set[str]:
    """``self.x`` reset to None or empty, or drained, in a method other than ``__init__``."""
    found: Set[str] = set()
    for method in walk_type(cls, cst.FunctionDef):
        if method.name.value == "__init__":
            continue
        for node in walk_scope(method):
            node_type = type(node)  # exact types: isinstance on libcst's ABCs is slow, and this runs on every node
            if node_type is cst.AnnAssign and node.value is not None:
                if isinstance(node.target, cst.Attribute) and _empty_value(node.value):
                    found.add(node.target.attr.value)
            elif node_type is cst.Assign:
                for target in node.targets:
                    pairs = [(target.target, node.value)]
                    if isinstance(target.target, (cst.Tuple, cst.List)) and isinstance(node.value, (cst.Tuple, cst.List)):
                        pairs = [(t.value, v.value) for t, v in zip(target.target.elements, node.value.elements)]
                    for t, v in pairs:
                        if isinstance(t, cst.Attribute) and _empty_value(v):
                            found.add(t.attr.value)
            elif node_type is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in (
                    "clear", "pop", "popleft", "remove", "discard"):
                if isinstance(node.func.value, cst.Attribute):
                    found.add(node.func.value.attr.value)
            elif node_type is cst.Del:
                for t in walk_type(node.target, cst.Attribute):
                    found.add(t.attr.value)
    return found


def _empty_value(value: cst.BaseExpression) -> bool:
    return (isinstance(value, cst.Name) and value.value == "None") or is_empty_container(value, ("list", "dict", "set"))


def _attribute_classes(cls: cst.ClassDef, local_classes: Set[str]) -> Dict[str, str]:
    """``self.x = Child(...)`` in ``cls``, where ``Child`` is one of ``local_classes``: {x: Child}."""
    found: Dict[str, str] = {}
    for node in walk_type(cls, cst.Assign):
        if isinstance(node.value, cst.Call) and isinstance(node.value.func, cst.Name):
            if node.value.func.value in local_classes:
                for target in node.targets:
                    t = target.target
                    if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name):
                        found.setdefault(t.attr.value, node.value.func.value)
    return found


def _assigned_elsewhere(cls: cst.ClassDef, attr: str, node: cst.CSTNode) -> bool:
    """``self.<attr> = ...`` somewhere else in ``cls`` (not ``node``, and not a ``None`` or empty
    declaration in ``__init__``): the class re-points or resets the slot itself."""
    stores = [(inner, *assignment_parts(inner)) for inner in walk(cls) if type(inner) in (cst.Assign, cst.AnnAssign)]
    declarations = {id(inner) for method in walk_type(cls, cst.FunctionDef) if method.name.value == "__init__"
                    for inner in walk(method) if type(inner) in (cst.Assign, cst.AnnAssign)
                    and inner.value is not None and _empty_value(inner.value)}
    for inner, targets, _ in stores:
        if inner is not node and id(inner) not in declarations:
            for t in targets:
                if isinstance(t, cst.Attribute) and t.attr.value == attr and isinstance(t.value, cst.Name):
                    return True
    return False


def _per_class(cls: cst.ClassDef, tables: Dict[int, T], build: Callable[[cst.ClassDef], T]) -> T:
    """``build(cls)``, computed once per class and kept in ``tables``."""
    table = tables.get(id(cls))
    if table is None:
        table = tables[id(cls)] = build(cls)
    return table
