"""LKL216: an object subscribes its own bound method to a long-lived listener list that only grows."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple

import sys

import libcst as cst

from leaklint.analysis.growth_facts import names_long_lived
from leaklint.analysis.names import assignment_parts, dotted_name, parameter_names
from leaklint.rule import Bad, Confidence, Finding, Good, Location, Rule

_ADD_METHODS = frozenset({"append", "add", "insert", "appendleft"})
_REMOVE_METHODS = frozenset({"remove", "discard", "pop", "popitem", "clear"})
# Method names that undo a subscription: a class that has one offers a way out.
_UNSUBSCRIBE_WORDS = ("unsubscribe", "unregister", "disconnect", "unbind", "detach", "remove", "off", "unwatch", "unlisten")
_CONTAINER_CALLS = frozenset({"list", "dict", "set", "defaultdict", "collections.defaultdict", "OrderedDict", "collections.OrderedDict"})
_INIT_METHODS = frozenset({"__init__", "__post_init__", "__new__"})
# Class names of objects that dispatch events for the life of a program: an instance's own
# listener table counts as long-lived only on one of these (a transaction's checks do not).
_DISPATCHER_TOKENS = (
    "bus", "dispatcher", "emitter", "broadcaster", "manager", "hub", "registry", "broker", "publisher",
    "notifier", "observable", "signal", "window", "application", "app", "server", "service", "client",
)
# A subscription into the standard library is not the project's own table (and resolving its
# position for the project pass would cost every file that starts a thread on ``self.run``).
_STDLIB = frozenset(getattr(sys, "stdlib_module_names", ())) | {
    "threading", "atexit", "signal", "asyncio", "weakref", "functools", "logging", "multiprocessing",
    "concurrent", "socket", "selectors", "sched", "queue", "builtins", "tkinter", "unittest",
}


class ListenerListOnlyGrows(Rule):
    """
    ## What it does
    Flags a method that hands one of its object's own bound methods (`self.on_event`) to a
    subscription function that adds its argument to a long-lived list, dict or set of listeners
    that nothing ever removes from: a module-level table, a class attribute (`cls._subscribers`),
    or an attribute of a module-level instance (`window = EventDispatcher()` ...
    `window.bind(mouse_pos=self.update_pos)`), also through a decorator factory
    (`events.subscribe("changed")(self.refresh)`) and across modules of the project.

    ## Why is this bad?
    A bound method holds its object. Once it sits in a listener table that lives as long as the
    process and offers no way to remove it, every subscriber object ever made (a widget, a
    session, a wallet opened once to check a password) stays alive, with everything it holds, and
    keeps being called on every event. Memory and event-dispatch time grow with every instance.

    Reported at high confidence when the table is a module-level name, a class attribute or an
    attribute of a module-level instance; at medium when the subscription object is an annotated
    parameter of a class named like a dispatcher (`bus: EventBus`, a manager, a hub, a client),
    whose lifetime the code does not show. An annotated parameter of any other class (a
    transaction that collects checks for its own life) is left alone.

    This is its own code: LKL1 rules report cycles and registries from the models (`atexit`,
    signals), LKL201/LKL204 report containers grown with per-call data. Here the table is the
    project's own, the growth hides behind a subscription call, and what it pins is the caller.
    Where LKL111 reaches the same subscription through the project's function summaries (and grades
    it by how often the subscriber is made), LKL111's finding is the one shown.

    Not flagged: tables that any code of their module or class removes from (`remove`, `discard`,
    `pop`, `clear`, `del`), classes with an `unsubscribe`/`unregister`/`disconnect`/`off`-style
    method, listeners stored as weak references (`weakref.WeakMethod(callback)`, a `WeakSet`),
    and functions (not bound methods) passed as listeners.

    ## Known problems
    The subscription function is found by name: a method of a module-level instance, a
    classmethod called on its class, a module function, or a parameter annotated with the
    class. A listener added through more than one level of calls is not followed.

    ## References
    - pylint, ruff, flake8-bugbear: none.
    - LKL108 (callbacks pinned by process-wide registries, and by a registry function of the
      caller's own module, which this rule leaves to it), LKL204 (containers grown from another
      module).
    """

    code = "LKL216"
    name = "listener-list-only-grows"
    message = "`{subscriber}` adds its bound method to `{table}`, which nothing removes from"
    project_scope = True
    # LKL111 reaches the same subscriptions through function summaries and grades them by how
    # often the subscriber is made: where it has a verdict (even a low one), it is the one shown.
    yields_to = ("LKL111",)
    examples = (
        Bad(
            "_events = {}\n\n\ndef subscribe(event):\n    def decorator(function):\n"
            "        _events.setdefault(event, []).append(function)\n        return function\n\n"
            "    return decorator\n\n\nclass Viewer:\n    def __init__(self, bounds):\n        self.bounds = bounds\n"
            "        subscribe(\"changed\")(self.refresh)\n\n    def refresh(self):\n"
            "        self.bounds = sorted(self.bounds)\n"
        ),
        Good(
            "import weakref\n\n_events = {}\n\n\ndef subscribe(event):\n    def decorator(function):\n"
            "        _events.setdefault(event, []).append(weakref.WeakMethod(function))\n        return function\n\n"
            "    return decorator\n\n\nclass Viewer:\n    def __init__(self, bounds):\n        self.bounds = bounds\n"
            "        subscribe(\"changed\")(self.refresh)\n\n    def refresh(self):\n"
            "        self.bounds = sorted(self.bounds)\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.adds: List[Tuple[cst.CSTNode, cst.BaseExpression, cst.BaseExpression]] = []  # (node, container, item)
        self.removal_receivers: List[cst.BaseExpression] = []
        self.registrations: List[Tuple[cst.Call, cst.Attribute]] = []  # (call, self.method argument)
        self.module_containers: Set[str] = set()
        self.singletons: Dict[str, cst.Call] = {}  # module-level ``name = Class()``

    # -- collecting (one visit per call; everything else is decided in file_facts) -----------------

    def visit_Module(self, node: cst.Module) -> None:
        for statement in node.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                targets, value = assignment_parts(small)
                for target in targets:
                    if not isinstance(target, cst.Name):
                        continue
                    if _is_container(value):
                        self.module_containers.add(target.value)
                    elif isinstance(value, cst.Call) and isinstance(value.func, (cst.Name, cst.Attribute)):
                        spelled = dotted_name(value.func) or ""
                        if spelled.rsplit(".", 1)[-1][:1].isupper():
                            self.singletons[target.value] = value

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in _ADD_METHODS and node.args:
                self.adds.append((node, func.value, node.args[-1].value))
            elif method in _REMOVE_METHODS:
                self.removal_receivers.append(func.value)
        for arg in node.args:
            value = arg.value
            if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Name) and value.value.value == "self":
                self.registrations.append((node, value))

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        target = node.target
        if isinstance(target, cst.Subscript):
            assign = self.context.parent(node)
            if isinstance(assign, cst.Assign):
                self.adds.append((target, target.value, assign.value))

    def visit_Del(self, node: cst.Del) -> None:
        target = node.target
        if isinstance(target, cst.Subscript):
            self.removal_receivers.append(target.value)

    # -- facts ---------------------------------------------------------------------------------------

    def file_facts(self) -> Optional[Dict[str, Any]]:
        removed = {key for key in map(self._table_key, self.removal_receivers) if key is not None}
        adders: Dict[str, Dict[str, Any]] = {}
        for node, container, item in self.adds:
            adder = self._adder(node, container, item, removed)
            if adder is not None:
                qualname, fact = adder
                adders.setdefault(qualname, fact)
        registrations = [fact for fact in map(self._registration, self.registrations) if fact is not None]
        singletons = {}
        for name, call in self.singletons.items():
            qualified = self.context.qualified_name(call.func)
            if qualified:
                singletons[f"{self.context.module_name}.{name}"] = qualified
        if not adders and not registrations:
            return None
        return {"adders": adders, "registrations": registrations, "singletons": singletons}

    def _table_key(self, expr: cst.BaseExpression) -> Optional[str]:
        """The listener table an expression reaches: ``_events``, ``self._events[k]``,
        ``_events.setdefault(k, [])``, as "module:_events" or "Class:_events"."""
        while True:
            if isinstance(expr, cst.Subscript):
                expr = expr.value
            elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value in ("setdefault", "get"):
                default = expr.args[1].value if len(expr.args) > 1 else None
                if default is not None and not (_is_container(default) or self._plain_container_class(default)):
                    return None  # ``setdefault(k, WeakList())``: the inner list decides, and it is not a plain one
                expr = expr.func.value
            else:
                break
        if isinstance(expr, cst.Name):
            return f"module:{expr.value}" if expr.value in self.module_containers else None
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
            owner = expr.value.value
            if owner in ("self", "cls"):
                klass = self.context.enclosing_class(expr)
                return f"{klass.name.value}:{expr.attr.value}" if klass is not None else None
            if owner[:1].isupper():
                return f"{owner}:{expr.attr.value}"
        return None

    def _adder(
        self, node: cst.CSTNode, container: cst.BaseExpression, item: cst.BaseExpression, removed: Set[str]
    ) -> Optional[Tuple[str, Dict[str, Any]]]:
        """(qualified name of the subscription function, fact) when ``node`` adds a parameter of
        its function to a listener table that nothing in this module removes from."""
        function = self.context.enclosing_scope(node)
        if not isinstance(function, cst.FunctionDef):
            return None
        table = self._table_key(container)
        if table is None or table in removed:
            return None
        if not self._is_parameter(item, function):
            return None
        kind, attr = table.split(":", 1)
        klass = self.context.enclosing_class(function)
        owner = self.context.enclosing_scope(function)  # a decorator made by a factory
        factory = owner if isinstance(owner, cst.FunctionDef) and self.context.enclosing_scope(owner) is None and klass is None else None
        if kind == "module":
            lifetime, shown = "module", attr
        else:
            if klass is None or klass.name.value != kind or self._offers_removal(klass):
                return None
            if not self._declared(klass, attr, function):
                return None
            lifetime = "class" if self._class_level(klass, attr) else "instance"
            shown = f"{kind}.{attr}"
        module = self.context.module_name
        if factory is not None:
            qualname = f"{module}.{factory.name.value}()"
        elif klass is not None:
            qualname = f"{module}.{klass.name.value}.{function.name.value}"
        elif self.context.enclosing_scope(function) is None:
            qualname = f"{module}.{function.name.value}"
        else:
            return None
        location = self.context.location(node)
        shape = "factory" if factory is not None else "method" if klass is not None else "function"
        dispatcher = klass is not None and names_long_lived(klass, _DISPATCHER_TOKENS)
        return qualname, {
            "table": shown, "lifetime": lifetime, "module": module, "line": location.line, "shape": shape,
            "dispatcher": dispatcher,
        }

    def _plain_container_class(self, value: cst.BaseExpression) -> bool:
        """``Callables()`` where ``class Callables(list)`` of this module adds as a list does."""
        if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Name)):
            return False
        for statement in self.context.module.body:
            if isinstance(statement, cst.ClassDef) and statement.name.value == value.func.value:
                if not any(dotted_name(base.value) in ("list", "set", "dict") for base in statement.bases):
                    return False
                body = statement.body.body if isinstance(statement.body, cst.IndentedBlock) else ()
                return not any(
                    isinstance(member, cst.FunctionDef) and member.name.value in (*_ADD_METHODS, "extend", "__setitem__")
                    for member in body
                )
        return False

    def _is_parameter(self, item: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        """The item is a parameter, or a loop variable over one (``for name, handler in handlers.items()``)."""
        if not isinstance(item, cst.Name):
            return False
        params = parameter_names(function.params)
        if item.value in params:
            return True
        for ancestor in self.context.ancestors(item):
            if ancestor is function:
                break
            if isinstance(ancestor, cst.For):
                names = {n.value for n in _target_names(ancestor.target)}
                iterated = ancestor.iter
                if isinstance(iterated, cst.Call) and isinstance(iterated.func, cst.Attribute):
                    iterated = iterated.func.value
                if item.value in names and isinstance(iterated, cst.Name) and iterated.value in params:
                    return True
        return False

    def _offers_removal(self, klass: cst.ClassDef) -> bool:
        if not isinstance(klass.body, cst.IndentedBlock):
            return True
        for statement in klass.body.body:
            if isinstance(statement, cst.FunctionDef):
                words = statement.name.value.lower().strip("_").split("_")
                if any(word in _UNSUBSCRIBE_WORDS for word in words):
                    return True
        return False

    def _declared(self, klass: cst.ClassDef, attr: str, function: cst.FunctionDef) -> bool:
        """The table is made in the class body or ``__init__`` as a plain container."""
        return self._class_level(klass, attr) or self._declared_on_self(klass, attr)

    def _class_level(self, klass: cst.ClassDef, attr: str) -> bool:
        for statement in klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ():
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == attr for t in small.targets):
                        return _is_container(small.value)
                    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.target.value == attr:
                        return _is_container(small.value)
        return False

    def _declared_on_self(self, klass: cst.ClassDef, attr: str) -> bool:
        for statement in klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ():
            if isinstance(statement, cst.FunctionDef) and statement.name.value in _INIT_METHODS:
                for line in statement.body.body if isinstance(statement.body, cst.IndentedBlock) else ():
                    if not isinstance(line, cst.SimpleStatementLine):
                        continue
                    for small in line.body:
                        target = small.targets[0].target if isinstance(small, cst.Assign) and len(small.targets) == 1 else (
                            small.target if isinstance(small, cst.AnnAssign) else None
                        )
                        value = small.value if isinstance(small, (cst.Assign, cst.AnnAssign)) else None
                        if isinstance(target, cst.Attribute) and dotted_name(target) == f"self.{attr}":
                            return _is_container(value)
        return False

    def _registration(self, item: Tuple[cst.Call, cst.Attribute]) -> Optional[Dict[str, Any]]:
        """``Broadcaster.subscribe(self.on_event)``, ``window.bind(x=self.m)``,
        ``events.subscribe("e")(self.m)``, ``bus.register(E, self.m)`` with ``bus: EventBus``."""
        call, bound = item
        method = self.context.enclosing_scope(call)
        klass = self.context.enclosing_class(method) if isinstance(method, cst.FunctionDef) else None
        if klass is None or not self._defines_method(klass, bound.attr.value):
            return None
        func = call.func
        target: Optional[str] = None
        annotated = False
        if isinstance(func, cst.Call):
            inner = self.context.qualified_name(func.func)
            target = f"{inner}()" if inner else None
        elif isinstance(func, cst.Attribute):
            receiver = func.value
            qualified = self.context.qualified_name(receiver)
            if qualified is None and isinstance(receiver, cst.Name):
                annotation = self._parameter_annotation(method, receiver.value)  # type: ignore[arg-type]
                if annotation is not None:
                    qualified = self.context.qualified_name(annotation)
                    annotated = qualified is not None
            if qualified is None and isinstance(receiver, cst.Name) and receiver.value in self.singletons:
                qualified = f"{self.context.module_name}.{receiver.value}"
            target = f"{qualified}.{func.attr.value}" if qualified else None
        elif isinstance(func, cst.Name):
            target = self.context.qualified_name(func)
        if target is None or target.split(".", 1)[0] in _STDLIB:
            return None  # (threading, atexit, signal...: LKL1 rules read those from the models)
        location = self.context.location(call)
        return {
            "target": target,
            "annotated": annotated,
            "module": self.context.module_name,
            "bound": f"self.{bound.attr.value}",
            "class": klass.name.value,
            "method": method.name.value,  # type: ignore[union-attr]
            "text": self.context.code(call).strip().splitlines()[0],
            "location": [location.line, location.column, location.end_line, location.end_column],
        }

    def _defines_method(self, klass: cst.ClassDef, name: str) -> bool:
        return any(
            isinstance(statement, cst.FunctionDef) and statement.name.value == name
            for statement in (klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ())
        )

    def _parameter_annotation(self, function: cst.FunctionDef, name: str) -> Optional[cst.BaseExpression]:
        for param in (*function.params.params, *function.params.kwonly_params):
            if param.name.value == name and param.annotation is not None:
                return param.annotation.annotation
        return None

    # -- project ---------------------------------------------------------------------------------------

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        adders: Dict[str, Dict[str, Any]] = {}
        singletons: Dict[str, str] = {}
        for data in facts.values():
            if data:
                adders.update(data["adders"])
                singletons.update(data["singletons"])
        findings: List[Finding] = []
        if not adders:
            return findings
        for path, data in facts.items():
            for registration in (data or {}).get("registrations", ()):
                target = registration["target"]
                adder = adders.get(target)
                strong = True
                if adder is None and "." in target:
                    receiver, method = target.rsplit(".", 1)
                    if receiver in singletons:
                        adder = adders.get(f"{singletons[receiver]}.{method}")
                if adder is None:
                    continue
                if adder["shape"] == "function" and adder["module"] == registration["module"]:
                    continue  # LKL108 reports a registry function of the caller's own module
                if adder["lifetime"] == "instance" and registration["annotated"]:
                    if not adder["dispatcher"]:
                        continue  # a parameter's object, not named like a dispatcher: maybe short-lived
                    strong = False  # a parameter's object: its lifetime is not shown
                elif adder["lifetime"] == "instance" and target.rsplit(".", 1)[0] not in singletons:
                    continue  # an instance's own table, reached through something we cannot see
                bound, klass = registration["bound"], registration["class"]
                message = (
                    f"`{klass}.{registration['method']}` subscribes `{bound}` with `{registration['text']}`, and that "
                    f"adds it to `{adder['table']}` ({adder['module']}, line {adder['line']}), which nothing ever removes "
                    f"from: the bound method keeps each `{klass}` alive, with everything it holds, for as long as the "
                    "table lives, and it is still called on every event"
                )
                suggestion = (
                    f"store a weak reference in `{adder['table']}` (`weakref.WeakMethod(callback)` for a bound method, "
                    f"skipping dead ones when dispatching), or add an unsubscribe next to the subscription and call it "
                    f"from `{klass}`'s `close()`"
                )
                line, column, end_line, end_column = registration["location"]
                findings.append(
                    Finding(
                        path, cls.code, cls.name, message, suggestion, Location(line, column, end_line, end_column),
                        Confidence.HIGH if strong else Confidence.MEDIUM,
                    )
                )
        return findings


def _is_container(value: Optional[cst.BaseExpression]) -> bool:
    if isinstance(value, (cst.List, cst.Dict, cst.Set)):
        return not value.elements
    if isinstance(value, cst.Call):
        spelled = dotted_name(value.func) or ""
        if spelled.endswith("defaultdict"):
            # ``defaultdict(list)``: plain inner lists; ``defaultdict(WeakSet)`` is weak
            factory = dotted_name(value.args[0].value) if value.args else None
            return factory in ("list", "set", "dict")
        return spelled in _CONTAINER_CALLS
    return False


def _target_names(target: cst.BaseExpression) -> Iterable[cst.Name]:
    if isinstance(target, cst.Name):
        yield target
    elif isinstance(target, (cst.Tuple, cst.List)):
        for element in target.elements:
            yield from _target_names(element.value)
