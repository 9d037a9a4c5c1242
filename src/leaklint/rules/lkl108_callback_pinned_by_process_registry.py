"""LKL108: an object pinned for the life of the process by a registry that keeps its callback."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint import models
from leaklint.analysis import lifetimes as lt
from leaklint.analysis.closures import in_test_code, rooted_argument, rooting_functions
from leaklint.analysis.context import FileContext
from leaklint.analysis.cycle_rules import consequence_grade, releasing_heavy
from leaklint.analysis.names import decorator_name, dotted_name
from leaklint.analysis.unique_names import PER_REQUEST_NAME, UNIQUE_VALUE_CALLS
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

_NOT_BOUND = frozenset({"staticmethod", "classmethod", "property", "setter", "getter", "deleter", "cached_property"})
_PARTIALS = frozenset({"functools.partial"})


@dataclass(frozen=True)
class _Method:
    function: cst.FunctionDef
    cls: cst.ClassDef
    self_name: str


class CallbackPinnedByProcessRegistry(Rule):
    """
    ## What it does
    Flags an object handed, from a method, to a registry that keeps it for the life of the
    process: `atexit.register(self.pool.shutdown)` or `atexit.register(cleanup, self)`,
    `signal.signal(sig, self.handler)`, `changed.connect(self.refresh)` on a signal object that
    lives at module level (or `Panel.changed`, read from the class), and a `weakref.finalize(obj, obj.close)` whose callback
    or arguments hold the object it watches. From a plain function, an object it makes itself
    (`pool = multiprocessing.Pool(n)`, then `atexit.register(pool.terminate)` or
    `atexit.register(cleanup, pool)`): one more kept per call. Also flags `logging.getLogger(name)` where `name` is
    different on every call (made with `uuid4()`, `id()`, a counter, the time, or a per-request
    parameter such as `request_id`). Which calls keep what, and for how long, comes from the API
    models (`retain` entries: docs/models.md), so a project can add its own registries. A
    function of the same module that puts its argument into a module-level list, dict or set
    (`on_shutdown(handler)` doing `_handlers.append(handler)`) is such a registry too; medium
    confidence when the module also removes items from that container.

    ## Why is this bad?
    `atexit`, `signal`, a module-level signal object and the logging manager live until the
    interpreter exits, and they hold what they are given strongly. A bound method holds its
    instance (`self.handler.__self__ is self`), so every instance registered from `__init__` or a
    method stays alive, with everything it holds, until exit: memory grows with every instance
    even after it is closed. `weakref.finalize(obj, obj.close)` is worse: the finalizer keeps its
    callback, the callback keeps `obj`, so `obj` can never die and the finalizer runs only at
    exit, never when the object goes away. The logging manager keeps every logger it ever made,
    by name; one named after a request id is a new logger (and its handlers) per request, forever.

    A function that makes the object and registers it pins one more on every call (a process
    pool per batch, kept with its worker processes until exit): medium, unless the function
    unregisters it, or visibly runs once (test code, `main()`, an `lru_cache`d function, one that
    sets a module global as a lazy one-per-process maker) or hands the object on (returns it,
    stores it, passes it to another call: its owner releases it, and the registration is a
    backstop), then low. An object the function got
    from a call that is not a class (`get_pool(name)`) may be shared and is not reported.

    Registering from module level happens once, so it is reported only for `weakref.finalize`
    (a finalizer that can never run is a bug whenever it is made), with medium confidence.

    ## Known problems
    Lambdas and nested functions handed to these registries are reported by LKL104 (a closure
    over `self` only, given to `atexit`) and LKL401 (closures registered with `signal`,
    `weakref.finalize` or a `connect`): this rule takes bound methods, `functools.partial`s of
    them and objects passed as arguments. `atexit.register(self.method)` for a method defined in
    the class is LKL104's (this rule still reports it for inherited methods). A class whose single
    instance lives as long as the program (an application object) costs nothing here: the finding
    is low, shown only by the strict profile, when the class is a visible singleton (instantiated
    at module level or only in `main()`, a `__new__`, an `_instance` attribute, a name or base
    that says application, console or supervisor) or the registration is on the shutdown path; it
    is high when the module makes the class per call or in a loop, or the class holds something
    heavy (a `__del__` that releases something, a socket or thread no close-like method releases),
    and medium otherwise (how often instances are made is not known; the registry grows by one
    per instance either way); low when the only maker is a lazy `if x is None: owner.x = X()`
    factory, which keeps one per owner. The rule stays quiet
    when the class undoes the registration
    (calls or hands on `atexit.unregister`, calls `disconnect`, or puts another value back in a
    one-value registry: a kept previous signal handler, `sys.settrace(None)`). Signal libraries
    that hold receivers weakly (Django, blinker: the `signal-library` models) are left alone
    unless `weak=False` is passed, and so is `self.changed.connect(...)`: a signal declared in the
    class body and read through the instance is, in Qt, PySide and psygnal, the instance's own.
    A one-value registry (`signal.signal`, `sys.settrace`, `readline.set_completer`: the next
    call replaces the value) pins only the latest object, typically a process's single supervisor:
    those findings have low confidence and show only under the strict profile.

    ## References
    - No rule in ruff, pylint or flake8-bugbear. Python docs: `atexit`, `weakref.finalize` ("It
      is important to ensure that func, args and kwargs do not own any references to obj"),
      `signal.signal`, `logging.getLogger` (one logger per name, kept by the manager), `weakref.WeakMethod`.
    - Related: LKL104 (a callable holding `self` stored on `self`), LKL401 (closures that outlive
      their call), LKL202 (instances registered on the class).
    """

    code = "LKL108"
    name = "callback-pinned-by-process-registry"
    message = "`{registry}` keeps {what} alive until the interpreter exits"
    examples = (
        Bad(
            "import weakref\n\n\nclass Connection:\n    def __init__(self, sock):\n        self.sock = sock\n"
            "        weakref.finalize(self, self.close)\n\n    def close(self):\n        self.sock.close()\n"
        ),
        Bad(
            "import atexit\n\n\nclass Client:\n    def __init__(self, pool):\n        self.pool = pool\n"
            "        atexit.register(self.pool.shutdown)\n\n\ndef connect(pool):\n    return Client(pool)\n"
        ),
        Bad(
            "import logging\nimport uuid\n\n\ndef handle(request):\n"
            "    log = logging.getLogger(f\"request.{uuid.uuid4()}\")\n    log.info(\"start\")\n"
        ),
        Good(
            "import weakref\n\n\ndef _close(sock):\n    sock.close()\n\n\nclass Connection:\n"
            "    def __init__(self, sock):\n        self.sock = sock\n"
            "        self._finalizer = weakref.finalize(self, _close, sock)\n"
        ),
        Good(
            "import atexit\n\n\ndef _shutdown():\n    pass\n\n\natexit.register(_shutdown)\n"
        ),
        Good(
            "import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef handle(request_id):\n"
            "    log.info(\"start %s\", request_id)\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.models = models.for_settings(self.settings)
        # A cheap first test in visit_Call: the last part of a modelled registry's name, or a
        # local alias of one (`from atexit import register as on_exit`).
        retained = self.models.retain
        self.terminals = {q.rsplit(".", 1)[-1] for q in retained} | {"connect", "getChild"} | {
            local for local, target in self.context.module_bindings.names.items() if target in retained
        }
        self.calls: List[cst.Call] = []
        self.plain_calls: List[cst.Call] = []
        self._methods: Dict[int, Set[str]] = {}
        self._class_calls: Dict[int, List[Tuple[Optional[str], cst.Call]]] = {}

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        terminal = func.value if isinstance(func, cst.Name) else func.attr.value if isinstance(func, cst.Attribute) else None
        if terminal in self.terminals:
            self.calls.append(node)  # resolved in leave_Module, when every parent is known
        elif isinstance(func, cst.Name) and node.args:
            self.plain_calls.append(node)  # maybe a module function that keeps its argument

    def leave_Module(self, node: cst.Module) -> None:
        for call in self.calls:
            func = call.func
            qualified = self.context.qualified_name(func)
            retain = self.models.retain.get(qualified) if qualified is not None else None
            if retain is not None and retain.until in ("process", "referent"):
                if retain.key is not None:
                    self._registry_key(call, qualified or "", retain)
                elif retain.until == "referent":
                    self._finalizer(call, qualified or "", retain)
                else:
                    self._process_registry(call, qualified or "", retain)
            elif isinstance(func, cst.Attribute) and func.attr.value == "connect":
                self._connect(call)
            elif isinstance(func, cst.Attribute) and func.attr.value == "getChild" and call.args:
                self._logger_name(call, call.args[0].value, "getChild")
        if self.plain_calls and rooting_functions(self.context):
            for call in self.plain_calls:
                self._rooted_call(call)

    # -- a function of this module that keeps its argument in a module-level container ------------

    def _rooted_call(self, call: cst.Call) -> None:
        method = self._method(call)
        if method is None:
            return
        for arg in call.args:
            if isinstance(arg.value, cst.Name) and arg.value.value == method.self_name:
                continue  # the instance itself in a module registry is growth: LKL201 reports it there
            rooted = rooted_argument(self.context, call, arg)
            if rooted is None:
                continue
            what = self._pins_self(arg.value, method)
            if what is None:
                continue
            rooting, container, _ = rooted
            shown = self.context.code(call.func).strip()
            confidence, why = (Confidence.MEDIUM, "") if rooting.released else self._grade(method.cls, call)
            self.report(
                call,
                f"`{shown}` puts its argument in the module-level `{container}`, which keeps {what} alive "
                f"until the interpreter exits, and `{method.function.name.value}` runs for every "
                f"`{method.cls.name.value}`: one more object pinned each time{why}",
                suggestion=(
                    f"remove it from `{container}` where `{method.self_name}` is closed, or keep weak references "
                    f"there (`weakref.WeakMethod({self.context.code(arg.value).strip()})`, a `WeakSet`)"
                ),
                confidence=confidence,
            )
            return

    # -- where are we? ---------------------------------------------------------------------------

    def _method(self, node: cst.CSTNode) -> Optional[_Method]:
        """The method (of a class, taking ``self``) whose body holds ``node``, looking out through
        nested functions: a callback registered there is registered once per call."""
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                block = self.context.parent(ancestor)
                cls = self.context.parent(block) if block is not None else None
                if isinstance(cls, cst.ClassDef) and not _is_static(ancestor):
                    params = [*ancestor.params.posonly_params, *ancestor.params.params]
                    if params and params[0].name.value not in ("cls", "mcs", "mcls", "metacls"):
                        return _Method(ancestor, cls, params[0].name.value)
                    return None
            elif isinstance(ancestor, cst.ClassDef):
                return None
        return None

    def _class_methods(self, cls: cst.ClassDef) -> Set[str]:
        key = id(cls)
        if key not in self._methods:
            found: Set[str] = set()
            if isinstance(cls.body, cst.IndentedBlock):
                for statement in cls.body.body:
                    if isinstance(statement, cst.FunctionDef) and not ({decorator_name(d) for d in statement.decorators} & _NOT_BOUND):
                        found.add(statement.name.value)
            self._methods[key] = found
        return self._methods[key]

    def _calls_in_class(self, cls: cst.ClassDef) -> List[Tuple[Optional[str], cst.Call]]:
        key = id(cls)
        if key not in self._class_calls:
            self._class_calls[key] = [
                (self.context.qualified_name(inner.func), inner) for inner in walk(cls) if isinstance(inner, cst.Call)
            ]
        return self._class_calls[key]

    def _undone_in_class(self, cls: cst.ClassDef, undo: str) -> bool:
        """The class calls ``undo`` or hands it on (``stack.callback(atexit.unregister, f)``)."""
        if not undo:
            return False
        for qualified, call in self._calls_in_class(cls):
            if qualified == undo:
                return True
            for arg in call.args:
                if isinstance(arg.value, (cst.Name, cst.Attribute)) and self.context.qualified_name(arg.value) == undo:
                    return True
        return False

    def _grade(self, cls: cst.ClassDef, node: cst.CSTNode, finaliser: bool = False) -> Tuple[Confidence, str]:
        """(confidence, words to append) by consequence (lifetimes.retention_grade): every instance
        registered stays until exit, so it recurs per instance; low when the class visibly has one
        instance per process or the registration is on the shutdown path."""
        if finaliser:
            confidence, why = lt.retention_grade(self.context, node, cls, pin=True)
        else:
            confidence, why = consequence_grade(self.context, node, cls, pin=True)
        if confidence is Confidence.HIGH and self._singleton(cls):
            confidence = Confidence.MEDIUM
        return confidence, (f" ({why}: low consequence)" if why and confidence is Confidence.LOW else
                            f" ({why})" if why and releasing_heavy(self.context, cls) == why else "")

    def _singleton(self, cls: cst.ClassDef) -> bool:
        if isinstance(cls.body, cst.IndentedBlock):
            for statement in cls.body.body:
                if isinstance(statement, cst.FunctionDef) and statement.name.value == "__new__":
                    return True
                if isinstance(statement, cst.SimpleStatementLine):
                    for small in statement.body:
                        if isinstance(small, (cst.Assign, cst.AnnAssign)):
                            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else [small.target]
                            if any(isinstance(t, cst.Name) and t.value in ("_instance", "_instances", "instance") for t in targets):
                                return True
        name = cls.name.value
        for statement in self.context.module.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    value = getattr(small, "value", None)
                    if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == name:
                        return True
        return False

    # -- what does an argument pin? ----------------------------------------------------------------

    def _pins_self(self, value: cst.BaseExpression, method: _Method) -> Optional[str]:
        """What of the instance ``value`` holds, in words, or None. Closures are left to LKL104/LKL401."""
        self_name = method.self_name
        if isinstance(value, cst.Name) and value.value == self_name:
            return f"`{self_name}`"
        if isinstance(value, cst.Attribute):
            chain = dotted_name(value)
            if chain is None or not chain.startswith(self_name + "."):
                return None
            parts = chain.split(".")
            if len(parts) == 2:
                if parts[1] in self._class_methods(method.cls):
                    return f"the bound method `{chain}` and with it `{self_name}`"
                if _has_real_base(method.cls) and not self._assigned_on_self(method, parts[1]):
                    return f"the (inherited) bound method `{chain}` and with it `{self_name}`"
                return None  # a value stored on self (a callable attribute): it does not hold self
            owner = ".".join(parts[:-1])
            return f"`{owner}` (through its bound method `{chain}`)"
        if isinstance(value, cst.Call) and self.context.qualified_name(value.func) in _PARTIALS:
            for arg in value.args:
                found = self._pins_self(arg.value, method)
                if found is not None:
                    return f"a `partial` holding {found}"
        return None

    def _assigned_on_self(self, method: _Method, attr: str) -> bool:
        for inner in walk(method.cls):
            targets: List[cst.BaseExpression] = []
            if isinstance(inner, cst.Assign):
                targets = [t.target for t in inner.targets]
            elif isinstance(inner, (cst.AnnAssign, cst.AugAssign)):
                targets = [inner.target]
            for target in targets:
                if (isinstance(target, cst.Attribute) and target.attr.value == attr
                        and isinstance(target.value, cst.Name) and target.value.value == method.self_name):
                    return True
        return False

    def _retained_values(self, call: cst.Call, retain: models.Retain) -> List[cst.BaseExpression]:
        values: List[cst.BaseExpression] = []
        position = 0
        for arg in call.args:
            if arg.star:
                continue
            if arg.keyword is None:
                if retain.keeps(position):
                    values.append(arg.value)
                position += 1
            elif retain.all_args or arg.keyword.value in retain.keywords:
                values.append(arg.value)
        return values

    # -- atexit.register, signal.signal and other process-lifetime registries -------------------------

    def _process_registry(self, call: cst.Call, qualified: str, retain: models.Retain) -> None:
        method = self._method(call)
        if method is None:
            if not retain.slot:
                self._local_object_registered(call, qualified, retain)
            return  # otherwise at import time: registered once
        if self._undone_in_class(method.cls, retain.undo):
            return
        if retain.slot and self._restores_slot(call, qualified, retain, method):
            return
        shown = dotted_name(call.func) or qualified
        for index, value in enumerate(self._retained_values(call, retain)):
            what = self._pins_self(value, method)
            if what is None:
                continue
            if qualified == "atexit.register" and index == 0 and self._lkl104_reports(value, method):
                return  # LKL104 reports `atexit.register(self.method)` for the class's own methods
            if retain.slot:
                # A one-value registry holds the latest object only: nothing accumulates, and the
                # object it pins is usually the program's one supervisor or server.
                message = (
                    f"`{shown}` keeps {what} alive until another value replaces it: a one-value registry "
                    f"pins only the latest `{method.cls.name.value}`, which costs something only when "
                    f"such objects are many and short-lived"
                )
                confidence = Confidence.LOW
            else:
                message = (
                    f"`{shown}` keeps {what} alive until the interpreter exits, and `{method.function.name.value}` "
                    f"runs for every `{method.cls.name.value}`: one more object pinned each time"
                )
                confidence, why = self._grade(method.cls, call)
                message += why
            self.report(
                call,
                message,
                suggestion=self._suggestion(qualified, retain, call, value, method),
                confidence=confidence,
            )
            return

    def _local_object_registered(self, call: cst.Call, qualified: str, retain: models.Retain) -> None:
        """``pool = multiprocessing.Pool(n)`` then ``atexit.register(pool.terminate)`` in a plain
        function: every call makes one more object and hands the registry a bound method (or the
        object itself as an argument) that keeps it until exit, closed or not."""
        function = self.context.enclosing_scope(call)
        if not isinstance(function, cst.FunctionDef) or lt.method_owner(self.context, function) is not None:
            return  # module level runs once; methods are `_method`'s (nested functions of a method too)
        if any(self.context.qualified_name(inner.func) == retain.undo
               for inner in walk(function) if isinstance(inner, cst.Call) and retain.undo):
            return  # the function unregisters it again
        for value in self._retained_values(call, retain):
            local = self._made_here(value, function)
            if local is None:
                continue
            shown = dotted_name(call.func) or qualified
            once = _runs_once(self.context, function) or self._escapes(local, function, call)
            self.report(
                call,
                f"`{shown}` keeps `{local}` (made in this call of `{function.name.value}`) alive until the interpreter "
                f"exits: every call makes one more and the registry keeps each, closed or not"
                + (f"; `{function.name.value}` {once}: low consequence" if once else ""),
                suggestion=(
                    f"release `{local}` in the function (`with ... as {local}:`, or `try:`/`finally:` that closes it), "
                    f"or {'`' + retain.undo + '(...)` it when done, or ' if retain.undo else ''}register one "
                    f"module-level cleanup for a single shared object"
                ),
                confidence=Confidence.LOW if once else Confidence.MEDIUM,
            )
            return

    def _escapes(self, local: str, function: cst.FunctionDef, call: cst.Call) -> Optional[str]:
        """Why ``local`` is someone else's to release, in words, or None: the function returns it,
        stores it or hands it to another call, so the registration is a backstop for an object
        its owner closes (a started process kept until exit in case nobody stops it)."""
        inside = {id(n) for n in walk(call)}
        for node in walk(function):
            if not (isinstance(node, cst.Name) and node.value == local) or id(node) in inside:
                continue
            parent = self.context.parent(node)
            if isinstance(parent, cst.Attribute) and parent.value is node:
                continue  # `pool.map(...)`: used here
            if isinstance(parent, cst.AssignTarget):
                continue  # its own binding
            return "hands the object on (returned or stored), so its owner releases it and the registration is a backstop"
        return None

    def _made_here(self, value: cst.BaseExpression, function: cst.FunctionDef) -> Optional[str]:
        """The local behind ``value`` (``pool``, ``pool.terminate``) when ``function`` binds it once,
        to a new object built by a class call (``Pool(...)``, ``multiprocessing.Pool(...)``)."""
        base = value.value if isinstance(value, cst.Attribute) else value
        if not isinstance(base, cst.Name) or lt.declares_global(self.context, function, base.value):
            return None
        if base is value and not any(isinstance(n, cst.Attribute) and isinstance(n.value, cst.Name)
                                     and n.value.value == base.value for n in walk(function)):
            return None  # passed as is and never used as an object here: maybe a handle (`SetWindowsHookEx(...)`)
        values = lt.assigned_values(self.context, function, base.value)
        if len(values) != 1 or not isinstance(values[0], cst.Call):
            return None
        last = dotted_name(values[0].func)
        if last is None or not last.rsplit(".", 1)[-1][:1].isupper():
            return None  # a factory or lookup may hand back a shared object
        return base.value

    def _lkl104_reports(self, value: cst.BaseExpression, method: _Method) -> bool:
        if isinstance(value, cst.Call) and self.context.qualified_name(value.func) in _PARTIALS and value.args:
            value = value.args[0].value
        chain = dotted_name(value) if isinstance(value, cst.Attribute) else None
        return (chain is not None and chain.count(".") == 1 and chain.startswith(method.self_name + ".")
                and chain.split(".")[1] in self._class_methods(method.cls))

    def _restores_slot(self, call: cst.Call, qualified: str, retain: models.Retain, method: _Method) -> bool:
        """A registry with one slot (``signal.signal``, ``sys.settrace``): ``self._old = signal.signal(...)``
        keeps the previous value to put it back, and a second call in the class with a value that
        is not the instance's (``sys.settrace(None)``, ``signal.signal(sig, self._old)``) puts one back."""
        parent = self.context.parent(call)
        if isinstance(parent, (cst.Assign, cst.AnnAssign)):
            return True
        for other_name, other in self._calls_in_class(method.cls):
            if other is call or other_name != qualified:
                continue
            values = self._retained_values(other, retain)
            if values and not any(isinstance(v, cst.Lambda) or self._pins_self(v, method) is not None for v in values):
                return True
        return False

    def _suggestion(self, qualified: str, retain: models.Retain, call: cst.Call, value: cst.BaseExpression,
                    method: _Method) -> str:
        self_name = method.self_name
        shown = self.context.code(value).strip()
        if qualified == "atexit.register":
            registered = self.context.code(call.args[0].value).strip()
            return (
                f"call `atexit.unregister({registered})` where `{self_name}` is closed, or register one module-level "
                f"function that reaches the instance through `weakref.ref({self_name})`; for cleanup at exit or "
                f"when `{self_name}` dies, use `weakref.finalize({self_name}, _cleanup, resource)` with a "
                f"module-level `_cleanup` that does not hold `{self_name}`"
            )
        if qualified == "signal.signal":
            return (
                f"keep the previous handler (`self._previous = signal.signal(...)`) and restore it in `close()`, or "
                f"install one module-level handler that calls the current instance through "
                f"`weakref.WeakMethod({shown})`"
            )
        undo = f"undo it with `{retain.undo}` where `{self_name}` is closed, or " if retain.undo else ""
        return (
            f"{undo}register a module-level function that reaches the instance through "
            f"`weakref.WeakMethod({shown})` or `weakref.ref({self_name})` instead of `{shown}` itself"
        )

    # -- weakref.finalize ----------------------------------------------------------------------------

    def _finalizer(self, call: cst.Call, qualified: str, retain: models.Retain) -> None:
        positional = [a for a in call.args if a.keyword is None and not a.star]
        if retain.referent is None or retain.referent < 0 or len(positional) <= retain.referent:
            return
        referent = positional[retain.referent].value
        referent_code = dotted_name(referent)
        if referent_code is None:
            return
        method = self._method(call)
        callback = positional[retain.referent + 1].value if len(positional) > retain.referent + 1 else None
        for value in self._retained_values(call, retain):
            what = self._holds_referent(value, referent_code, method, value is callback)
            if what is None:
                continue
            shown = dotted_name(call.func) or qualified
            in_function = self.context.enclosing_scope(call) is not None
            # The finaliser never runs before exit: the release it was made for is the consequence.
            confidence, why = self._grade(method.cls, call, finaliser=True) if method is not None else (Confidence.HIGH, "")
            self.report(
                call,
                f"the callback of `{shown}` holds {what}, the object it watches: `{referent_code}` can never be "
                f"freed, and the finalizer runs only when the interpreter exits{why}",
                suggestion=(
                    f"pass a function that does not hold `{referent_code}` and the resources it needs as "
                    f"arguments: `weakref.finalize({referent_code}, _cleanup, {referent_code}.resource)` with a "
                    f"module-level (or static) `_cleanup(resource)`"
                ),
                confidence=confidence if in_function else Confidence.MEDIUM,
            )
            return

    def _holds_referent(self, value: cst.BaseExpression, referent: str, method: Optional[_Method],
                        is_callback: bool) -> Optional[str]:
        if isinstance(value, cst.Call) and self.context.qualified_name(value.func) in _PARTIALS:
            for index, arg in enumerate(value.args):
                found = self._holds_referent(arg.value, referent, method, is_callback and index == 0)
                if found is not None:
                    return f"a `partial` holding {found}"
            return None
        chain = dotted_name(value)
        if chain is None:
            return None
        if chain == referent:
            return f"`{referent}` itself"
        if not chain.startswith(referent + ".") or chain.count(".") != referent.count(".") + 1:
            return None  # `self.sock.close` holds `self.sock`, not `self`
        attr = chain.rsplit(".", 1)[-1]
        if method is not None and referent == method.self_name:
            inherited = _has_real_base(method.cls) and is_callback and not self._assigned_on_self(method, attr)
            if attr not in self._class_methods(method.cls) and not inherited:
                return None  # a stored callable, not a bound method
        elif not is_callback or attr[:1].isupper() or attr.startswith("__"):
            return None  # `finalize(obj, cleanup, obj.handle)`: most likely a value, not a method
        return f"the bound method `{chain}`"

    # -- logging.getLogger(name) with a name that differs per call --------------------------------------

    def _registry_key(self, call: cst.Call, qualified: str, retain: models.Retain) -> None:
        positional = [a for a in call.args if a.keyword is None and not a.star]
        key = retain.key
        value: Optional[cst.BaseExpression] = None
        if key is not None and 0 <= key < len(positional):
            value = positional[key].value
        else:
            value = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "name"), None)
        if value is not None:
            self._logger_name(call, value, dotted_name(call.func) or qualified)

    def _logger_name(self, call: cst.Call, value: cst.BaseExpression, shown: str) -> None:
        function = self.context.enclosing_scope(call)
        if not isinstance(function, cst.FunctionDef):
            return  # at import time: one logger
        unique = self._unique_part(value, function)
        if unique is None:
            return
        what, confidence = unique
        self.report(
            call,
            f"`{shown}` registers a logger under a name made from {what}: the logging manager keeps every "
            f"logger it creates until the interpreter exits, so each call adds one (and its handlers) for good",
            suggestion=(
                "log through one logger named after the module (`logging.getLogger(__name__)`) and put the "
                "per-call value in the record instead: `logging.LoggerAdapter(logger, {\"request_id\": ...})` or "
                "`logger.info(..., extra={...})`"
            ),
            confidence=confidence,
        )

    def _unique_part(self, value: cst.BaseExpression, function: cst.FunctionDef) -> Optional[Tuple[str, Confidence]]:
        parameters = {p.name.value for p in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params)}
        per_request: Optional[str] = None
        for inner in walk(value):
            if isinstance(inner, cst.Call):
                qualified = self.context.qualified_name(inner.func)
                if qualified in UNIQUE_VALUE_CALLS:
                    return f"`{dotted_name(inner.func) or qualified}()`", Confidence.HIGH
            elif isinstance(inner, cst.Name) and inner.value in parameters and per_request is None:
                parent = self.context.parent(inner)
                if isinstance(parent, cst.Attribute) and parent.attr is inner:
                    continue
                if PER_REQUEST_NAME.search(inner.value):
                    per_request = inner.value
        if per_request is not None:
            return f"the parameter `{per_request}`, which differs per call", Confidence.MEDIUM
        return None

    # -- signal objects: `changed.connect(self.on_change)` -------------------------------------------------

    def _connect(self, call: cst.Call) -> None:
        if not call.args or call.args[0].keyword is not None:
            return
        method = self._method(call)
        if method is None:
            return
        func = call.func
        assert isinstance(func, cst.Attribute)
        if _unbound_call_on_self(func.value, call, method):
            return  # `Base.connect(self, host)`: a base class's own method, called unbound
        where = self._long_lived_signal(func.value, method)
        if where is None:
            return
        signal_name, qualified = where
        weak = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "weak"), None)
        library = self.models.signal_library(qualified) if qualified else None
        if weak is not None and isinstance(weak, cst.Name) and weak.value == "True":
            return
        if library is not None and library.weak_by_default:
            if not (weak is not None and isinstance(weak, cst.Name) and weak.value == "False"):
                return
        callback = call.args[0].value
        what = self._pins_self(callback, method)
        if what is None:
            return
        for _, other in self._calls_in_class(method.cls):
            if isinstance(other.func, cst.Attribute) and other.func.attr.value == "disconnect":
                return
        confidence, why = self._grade(method.cls, call)
        self.report(
            call,
            f"`{signal_name}` lives at module or class level and keeps {what} as a receiver: "
            f"every `{method.cls.name.value}` connected here stays alive until the interpreter exits{why}",
            suggestion=(
                f"`{signal_name}.disconnect({self.context.code(callback).strip()})` where `{method.self_name}` is "
                f"closed, or connect a module-level function that reaches the instance through "
                f"`weakref.WeakMethod({self.context.code(callback).strip()})` (or the library's weak connect)"
            ),
            confidence=confidence,
        )

    def _long_lived_signal(self, receiver: cst.BaseExpression, method: _Method) -> Optional[Tuple[str, str]]:
        """(its name as written, its qualified name) when ``receiver`` is a module-level object or a
        class attribute: not a local, not something the instance owns."""
        shown = self.context.code(receiver).strip()
        if isinstance(receiver, cst.Name):
            target = self.context.module_bindings.names.get(receiver.value)
            if target is None or self.context.resolve_name(receiver.value, receiver) is None:
                return None  # a local or a parameter
            qualified = self.context.qualified_name(receiver) or ""
            if "." not in qualified:
                return None  # `import sqlite3`: a module, `sqlite3.connect(...)` is a function
            return shown, qualified
        if isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name):
            owner = receiver.value.value
            attr = receiver.attr.value
            if owner == method.self_name:
                # `changed = Signal()` in the class body read through `self` is, in Qt, PySide and
                # psygnal, a descriptor that gives each instance its own signal: not a process root.
                return None
            if owner == method.cls.name.value:
                return (shown, "") if _class_attribute(method.cls, attr) else None
            qualified = self.context.qualified_name(receiver)
            if qualified is not None and owner[:1].isupper():
                return shown, qualified  # `Model.changed` of an imported or module-level class
        return None


def _has_real_base(cls: cst.ClassDef) -> bool:
    """A base other than ``object``: only then can ``self.name`` be a method the class inherits. A
    mixin (``class _Cipher(object)``) reads attributes of the class it is mixed into, values as
    often as methods (``sqlcipher.connect(self.database)``: a file name)."""
    return any(not (isinstance(base.value, cst.Name) and base.value.value == "object") for base in cls.bases)


def _is_static(function: cst.FunctionDef) -> bool:
    return any(decorator_name(d) in ("staticmethod", "classmethod") for d in function.decorators)


def _class_attribute(cls: cst.ClassDef, name: str) -> bool:
    """``name = Signal()`` in the class body: one object shared by every instance."""
    if not isinstance(cls.body, cst.IndentedBlock):
        return False
    for statement in cls.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and isinstance(small.value, cst.Call):
                    if any(isinstance(t.target, cst.Name) and t.target.value == name for t in small.targets):
                        return True
                if isinstance(small, cst.AnnAssign) and isinstance(small.value, cst.Call):
                    if isinstance(small.target, cst.Name) and small.target.value == name:
                        return True
    return False


def _unbound_call_on_self(receiver: cst.BaseExpression, call: cst.Call, method: "_Method") -> bool:
    """``Base.connect(self, ...)`` inside a method: a class's method called with the instance as its
    first argument (an override calling its base), not a receiver connected to a signal."""
    first = call.args[0].value if call.args else None
    if not (isinstance(first, cst.Name) and first.value == method.self_name):
        return False
    name = receiver.attr.value if isinstance(receiver, cst.Attribute) else receiver.value if isinstance(receiver, cst.Name) else ""
    bases = {dotted_name(b.value) for b in method.cls.bases}
    return name[:1].isupper() or name in bases or any((base or "").endswith("." + name) for base in bases)


def _runs_once(context: FileContext, function: cst.FunctionDef) -> Optional[str]:
    """Why ``function`` runs once per process or per test, in words, or None: test code, a
    ``main``, a cached function, or one that sets a module global (a lazy singleton's maker)."""
    if in_test_code(context, function):
        return "is test code"
    if function.name.value in ("main", "_main", "cli", "run_main"):
        return "is the program's entry point"
    if {decorator_name(d) for d in function.decorators} & {"lru_cache", "cache"}:
        return "is cached: it runs once per argument"
    if any(isinstance(inner, cst.Global) for inner in walk(function)):
        return "sets a module global, as a lazy one-per-process maker does"
    return None
