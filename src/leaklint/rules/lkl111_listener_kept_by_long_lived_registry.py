"""LKL111: an instance registered, through a method of the project, with a registry that outlives it."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from leaklint.analysis.cycle_rules import ClassGraphRule, flow_for, graph_for, is_test_file
from leaklint.analysis.lifetimes import PROCESS_CLASS_NAMES
from leaklint.flow.objects import CALL, EXTERNAL, IMPORT, ITERATION, FlowGraph, Pin
from leaklint.rule import Bad, Confidence, Finding, Good, Location, RelatedLocation


class ListenerKeptByLongLivedRegistry(ClassGraphRule):
    """
    ## What it does
    Flags a method that hands its own instance (a bound method such as `self.on_event`, a lambda
    or nested function that uses `self`, or `self` itself) to a registry method of the project
    (`subscribe`, `register`, `add_listener`...: any method whose summary puts its parameter in a
    container attribute) when the registry outlives the instance and nothing in the instance's
    class takes the registration back. The registry is followed through calls, across modules: a
    module-level object (`callback_mgr = CallbackManager()` then
    `callback_mgr.register_callback(self.on_event)`), a class (`Broadcaster.subscribe(self.on_event)`
    where the classmethod appends to a class attribute), or an object the instance was given
    (`bus.register(Event, self.on_progress)` with `bus` a parameter, or `self.bus` stored from one),
    the object a getter hands out when it returns a module global or a class attribute
    (`Store.get_store().register_provider(self.active_layer)`), and, across modules, a module
    function that appends its argument to a module-level list (`registry.on_reload(self.recompile)`;
    within one module that is LKL108's). Keyword arguments given to a `**handlers` parameter and
    loops over a parameter's items are followed (`window.bind(mouse_pos=self.update)`).

    ## Why is this bad?
    A bound method holds its instance (`self.on_event.__self__ is self`), and so does a closure
    over `self`. A registry that keeps it strongly keeps the instance, and everything it holds,
    for as long as the registry lives: for a module-level object or a class, until the
    interpreter exits. Every instance registered and then dropped by its users stays: memory
    grows with every session, watcher or wallet made. This is the lapsed-listener problem.

    ## Known problems
    Confidence follows the consequence. When the registry has no way at all to take an entry
    out: high when it lives for the process and the project makes the instances per call or per
    loop iteration; medium when it lives for the process and how often instances are made is not
    known, or when it is an object the instance was given and either the instances are made per
    call or the instance has a `close()`-like end of life that leaves it registered. When the
    registry can take entries out (it may do so itself, when a connection ends or an event fires
    once): medium for a process-lifetime registry and instances made per call, else low. Low
    (strict profile only) as well in a test module, and when the instances are made only at
    import or the class visibly has one instance per process (a `__new__`, a name that says
    application, supervisor, console), unless the project makes it per call.

    The rule stays quiet when the class (or a base) calls anything that takes a registration
    back (`unregister`, `unsubscribe`, `remove_listener`, `disconnect`, `off`..., or any function of
    the registry that removes entries from the same container), when the
    registration's result is kept (a handle or an unsubscribe function to call later), when the
    registry stores a weak reference (`weakref.WeakMethod(cb)`, a `WeakSet`), when the registry
    keeps one value in a slot (the next registration replaces it), and when the registry is an
    object the instance makes itself (that is a cycle, LKL104's). A registration that the
    class undoes only in a method its users forget to call is not reported. Calls resolve
    through annotations, constructor calls and module-level objects: a registry reached through
    a function's return value (`Store.get_store().register(...)`) is not followed.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. Python docs: `weakref.WeakMethod`, `weakref.WeakSet`.
    - Related: LKL108 (process registries of the standard library: `atexit`, `signal`, module-level
      signal objects), LKL104 (a callable holding `self` stored on `self` or on an object it owns),
      LKL202 (instances registered on the class).
    """

    code = "LKL111"
    name = "listener-kept-by-long-lived-registry"
    message = "`{registry}` keeps {what} for as long as it lives, and nothing takes it back"
    examples = (
        Bad(
            "class Broadcaster:\n    _subscribers = []\n\n    @classmethod\n"
            "    def subscribe(cls, callback):\n        cls._subscribers.append(callback)\n\n\n"
            "class Session:\n    def __init__(self, tenant):\n        self.history = []\n"
            "        Broadcaster.subscribe(self.on_event)\n\n    def on_event(self, event):\n"
            "        self.history.append(event)\n\n\n"
            "def handle(tenant):\n    return len(Session(tenant).history)\n"
        ),
        Good(
            "import weakref\n\n\nclass Broadcaster:\n    _subscribers = []\n\n    @classmethod\n"
            "    def subscribe(cls, callback):\n        cls._subscribers.append(weakref.WeakMethod(callback))\n\n\n"
            "class Session:\n    def __init__(self, tenant):\n        self.history = []\n"
            "        Broadcaster.subscribe(self.on_event)\n\n    def on_event(self, event):\n"
            "        self.history.append(event)\n\n\n"
            "def handle(tenant):\n    return len(Session(tenant).history)\n"
        ),
        Good(
            "class Broadcaster:\n    _subscribers = []\n\n    @classmethod\n"
            "    def subscribe(cls, callback):\n        cls._subscribers.append(callback)\n\n"
            "    @classmethod\n    def unsubscribe(cls, callback):\n        cls._subscribers.remove(callback)\n\n\n"
            "class Session:\n    def __init__(self, tenant):\n        self.history = []\n"
            "        Broadcaster.subscribe(self.on_event)\n\n    def on_event(self, event):\n"
            "        self.history.append(event)\n\n    def close(self):\n"
            "        Broadcaster.unsubscribe(self.on_event)\n"
        ),
    )

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        graph = graph_for(facts)
        flow = flow_for(graph)
        findings: List[Finding] = []
        seen = set()
        _FREQUENCIES.clear()
        for pin in flow.pins():
            if (pin.path, pin.line) in seen:
                continue
            seen.add((pin.path, pin.line))
            findings.append(cls._finding(flow, pin))
        return findings

    @classmethod
    def _finding(cls, flow: FlowGraph, pin: Pin) -> Finding:
        confidence, why = _grade(flow, pin)
        short = pin.cls.rsplit(".", 1)[-1]
        store = pin.store.innermost()
        registry = pin.registry.rsplit(".", 2)
        registry_name = ".".join(registry[-2:]) if len(registry) > 1 else pin.registry
        if ".<locals>." in pin.registry:  # a nested function a factory returned (a decorator)
            registry_name = pin.registry.rsplit(".<locals>.", 1)[1].split("@")[0]
        me = flow.functions[pin.function][1]["self"] if pin.function in flow.functions else "self"
        if pin.via.startswith("bound:"):
            what = f"the bound method `{me}.{pin.via[6:]}`, and with it the `{short}`"
            weak = f"`weakref.WeakMethod({me}.{pin.via[6:]})`"
        elif pin.via == "closure":
            what = f"a lambda or nested function that uses `{me}`, and with it the `{short}`"
            weak = f"a module-level function that reaches the instance through `weakref.ref({me})`"
        else:
            what = f"the `{short}` itself"
            weak = f"`weakref.ref({me})` (or a `weakref.WeakSet` in the registry)"
        if pin.lifetime == EXTERNAL:
            holder = f"`{pin.holder}`, an object the `{short}` is given (it outlives the `{short}`)"
        else:
            holder = f"`{pin.holder}`, which lives as long as the process"
        take_back = (
            "the registry has no way to take an entry out" if not pin.removable
            else f"no method of `{short}` takes it back"
        )
        message = (
            f"`{pin.text}` hands {what}, to `{registry_name}`, which keeps it in a container "
            f"(`{store.text}`, {PurePath(store.path).name}:{store.line}) held by {holder}; {take_back}, so every "
            f"`{short}` registered here stays alive with everything it holds{why}"
        )
        suggestion = (
            f"take the registration back where the `{short}` is done (an `unregister`/`unsubscribe` called from "
            f"`close()`), or keep a weak reference in the registry: {weak}, whose death callback removes the entry"
        )
        related: Tuple[RelatedLocation, ...] = (
            RelatedLocation(pin.path, max(pin.line, 1), max(pin.column, 1), f"`{pin.text}` (the registration)"),
            RelatedLocation(store.path, max(store.line, 1), max(store.column, 1),
                            f"`{store.text}` (the store inside the registry)"),
        )
        return Finding(pin.path, cls.code, cls.name, message, suggestion,
                       Location(pin.line, pin.column, pin.line, pin.column), confidence, related=related)


_FREQUENCIES: Dict[str, Optional[str]] = {}  # per project pass: class -> _frequency


def _frequency(flow: FlowGraph, cls: str) -> Optional[str]:
    """How often the project makes ``cls`` or a subclass (the most often of them)."""
    if cls in _FREQUENCIES:
        return _FREQUENCIES[cls]
    rank = {IMPORT: 0, "instance": 1, CALL: 2, ITERATION: 3}
    found: Optional[str] = None
    for name in flow.graph.classes:
        if name == cls or cls in flow.graph.mro(name):
            frequency = flow.frequency(name)
            if frequency is not None and (found is None or rank[frequency] > rank[found]):
                found = frequency
    _FREQUENCIES[cls] = found
    return found


def _one_per_process(flow: FlowGraph, cls: str) -> Optional[str]:
    """Why ``cls`` visibly has one instance per process: a ``__new__`` (one shared instance) or a
    name of it or a base that says application, supervisor, console, bus."""
    for owner in flow.graph.mro(cls):
        info = flow.graph.classes.get(owner)
        short = owner.rsplit(".", 1)[-1]
        if info is not None and "__new__" in info.methods:
            return f"`{short}` defines `__new__`"
        if short.endswith(PROCESS_CLASS_NAMES):
            return f"`{short}` names a process-lifetime object"
    return None


def _grade(flow: FlowGraph, pin: Pin) -> Tuple[Confidence, str]:
    short = pin.cls.rsplit(".", 1)[-1]
    if is_test_file(pin.path):
        return Confidence.LOW, " (in a test module: low consequence)"
    frequency = ITERATION if pin.loop else _frequency(flow, pin.cls)
    if frequency == IMPORT:
        return Confidence.LOW, f" (the project makes `{short}` only at import: one per process, low consequence)"
    singleton = _one_per_process(flow, pin.cls)
    if singleton is not None and frequency not in (CALL, ITERATION):
        return Confidence.LOW, f" ({singleton}: one per process, low consequence)"
    recurs = frequency in (CALL, ITERATION)
    made = " (the project makes one per call)" if frequency == CALL else (
        " (the project makes one per loop iteration)" if frequency == ITERATION else "")
    if pin.removable:
        # The registry can take entries out: it may do so itself (when a connection ends, when
        # an event fires once), out of this class's sight.
        if pin.lifetime != EXTERNAL and recurs:
            return Confidence.MEDIUM, made
        return Confidence.LOW, " (the registry can take entries out, maybe by itself: low consequence)"
    if pin.lifetime != EXTERNAL:
        if recurs:
            return Confidence.HIGH, made
        # A process-lifetime registry with no way to take entries out: every listener registered
        # stays until exit, one more per instance (the consequence, whatever the rate).
        return Confidence.MEDIUM, ""
    if recurs:
        return Confidence.MEDIUM, made
    if flow.has_release_method(pin.cls):
        return Confidence.MEDIUM, " (its `close()`-like end of life leaves it registered)"
    return Confidence.LOW, " (how long the registry lives and how often instances are made are not known)"
