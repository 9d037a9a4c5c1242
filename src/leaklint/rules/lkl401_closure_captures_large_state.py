"""LKL401: a long-lived closure that captures `self` or a large local but uses a small part."""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Union

import libcst as cst

from leaklint.analysis import lifetimes as lt
from leaklint.analysis.closures import captured_names, in_test_code, rooted_argument
from leaklint.analysis.names import dotted_name
from leaklint.fixes.suggestions import closure_suggestion
from leaklint.rule import Bad, Confidence, Good, Rule

Closure = Union[cst.Lambda, cst.FunctionDef]

# Registration APIs whose callbacks live as long as the registry: keep `self` alive.
_LONG_REGISTRIES = frozenset({"atexit.register", "signal.signal", "weakref.finalize"})
_ONE_VALUE_REGISTRIES = frozenset({"signal.signal"})
_LONG_METHODS = frozenset({"connect", "subscribe", "add_listener", "addListener", "on", "add_handler", "register_callback"})
# Callbacks that live until something happens (a future completes, a delay passes): a large
# capture stays alive that long, `self` usually should.
_SHORT_METHODS = frozenset({"add_done_callback", "call_later", "call_at"})
_CONTAINER_ADDS = frozenset({"append", "add", "insert", "appendleft", "setdefault"})
_LARGE_CALLS = frozenset(
    {"json.load", "json.loads", "pickle.load", "pickle.loads", "marshal.load", "marshal.loads",
     "numpy.zeros", "numpy.ones", "numpy.empty", "numpy.array", "numpy.full", "numpy.load", "numpy.loadtxt",
     "numpy.fromfile", "numpy.genfromtxt"}
)
_READ_METHODS = frozenset({"read", "readlines", "read_bytes", "read_text"})
_PART_METHODS = frozenset({"get", "startswith", "endswith", "count", "index", "find"})
_BIG_LITERAL_ITEMS = 100
_BIG_STRING = 10_000


@dataclass
class _Escape:
    how: str  # "stored in `self.callbacks`", "registered with `atexit.register`", "returned"
    kind: str  # "cycle", "global", "short", "returned"
    registry: Optional[str] = None  # the qualified registering function, when there is one
    held: Optional[str] = None  # `self._client = client`: the object keeps the emitter it registers with


def _noun(label: str) -> str:
    return "lambda" if label == "lambda" else "function"


class ClosureCapturesLargeState(Rule):
    """
    ## What it does
    Flags a lambda or nested function that outlives its call (stored on an object or in a
    module-level container, returned, or handed to a registration API such as `connect`,
    `subscribe`, `add_done_callback`, `atexit.register`, `signal.signal`, `call_later`) and
    captures `self` or a local bound to a large value (a comprehension, `read()`, `readlines()`,
    `json.load`, `pickle.load`, `numpy.zeros`/`array`, `pandas.read_*`, a big literal, a list
    built in a loop) while using only a small part of it.

    ## Why is this bad?
    A closure keeps every variable it captures alive, whole, for as long as the closure lives.
    A callback that reads one field of a 100 MB parsed file keeps the 100 MB. A lambda stored on
    `self` that calls `self.run` makes a reference cycle (`self` -> `self.callbacks` -> lambda ->
    `self`), so the object waits for the cyclic garbage collector; one registered with `atexit`,
    `signal` or another object's `connect` keeps `self` alive as long as the registration.
    Binding only the needed values (`functools.partial(run, state)`) or a `weakref.WeakMethod`
    keeps the lifetime of the big object where it belongs.

    `self` is reported only when the closure is stored on `self` itself, in a module-level
    container, or registered with a long-lived registry (`atexit.register`, `signal.signal`,
    `weakref.finalize`, `connect`/`subscribe`/`add_listener`/`on` of an object that `self` does
    not own). An emitter `self` owns is its attribute (`self._bus.on(...)`) or a local bound only
    to one (`bus = self._bus`): nothing is reported, the two die together. An emitter the method
    was handed and keeps on `self` (`self._client = client` ... `client.on(...)`) is the one the
    object was made for, a session or connection it wraps: low, shown only by the strict profile.
    Callbacks of futures and timers end with them, so they are reported only for large
    locals.

    A closure handed to a function of the same module that keeps its argument in a module-level
    container (`on_shutdown(handler)` doing `_handlers.append(handler)`) is registered for the life
    of the process too; when it captures the call's parameters (`data_loader`), each call pins one
    more of the caller's objects, reported at medium confidence. A closure given to a one-value
    registry (`signal.signal`: the next handler replaces it) or made in test code is low, shown
    only by the strict profile. A closure over `self` is graded by consequence (issue 16 §3):
    appended to a container on `self` outside the constructor it is one more per call (high); kept
    in a slot (`self._user_cb = user_cb`) it is replaced by the next one, at most one cycle per
    object, and low unless the object holds something heavy (`__del__`, an unreleased thread or
    socket); given to a registry it is graded like LKL108's pins (low for a process singleton).

    ## Known problems
    A closure stored on `self` (or given to `atexit`) whose only capture is `self` is reported
    as LKL104 instead; this rule takes the ones that also carry the call's own arguments or
    locals, where `functools.partial` is the fix. A local counts as large only by how it is made
    in the same function. A closure that uses the
    captured value whole (`lambda: process(data)`) is not flagged: it really needs it. Whether
    the registry outlives the object is a guess from the API's name. Binding a value before
    creating the closure takes a snapshot: if the attribute or the part is reassigned later, the
    closure no longer sees the change (that is often the point, but check).

    ## References
    - pylint: W0640 cell-var-from-loop (a different closure bug). ruff: B023
      function-uses-loop-variable. flake8-bugbear: B023. None of them look at what a closure keeps
      alive.
    """

    code = "LKL401"
    name = "closure-captures-large-state"
    message = "{closure} captures `{name}` but uses only {part}"
    examples = (
        Bad(
            "class Scheduler:\n    def __init__(self):\n        self.callbacks = []\n"
            "    def schedule(self, state):\n        self.callbacks.append(lambda: self.run(state))\n"
            "    def run(self, state):\n        return state\n"
        ),
        Bad(
            "import json\n\ndef make_lookup(path):\n    with open(path) as f:\n        table = json.load(f)\n"
            "    return lambda: table['version']\n"
        ),
        Good(
            "import functools\n\ndef run(state):\n    return state\n\nclass Scheduler:\n"
            "    def __init__(self):\n        self.callbacks = []\n    def schedule(self, state):\n"
            "        self.callbacks.append(functools.partial(run, state))\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.closures: List[Closure] = []

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.closures.append(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if isinstance(self.context.enclosing_scope(node), cst.FunctionDef):
            self.closures.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        for closure in self.closures:
            function = self.context.enclosing_scope(closure)
            if not isinstance(function, cst.FunctionDef):
                continue
            captured = self._captured(closure, function)
            if not captured:
                continue  # cheaper than following where the closure goes
            escape = self._escape(closure, function)
            if escape is not None:
                self._check(closure, function, escape, captured)

    # -- does it outlive the call? ----------------------------------------------------------------

    def _escape(self, closure: Closure, function: cst.FunctionDef) -> Optional[_Escape]:
        if isinstance(closure, cst.Lambda):
            use = lt.classify(self.context, closure)
            if not (use.kind == lt.ALIAS and len(use.targets) == 1 and isinstance(use.targets[0], cst.Name)):
                return self._escape_of(use, function)
            name = use.targets[0].value  # ``handler = lambda: ...`` then ``registry.append(handler)``
        else:
            for decorator in closure.decorators:
                registry = self._registry(decorator.decorator, function)
                if registry is not None:
                    return registry
            name = closure.name.value
        for use in lt.name_uses(self.context, function, name):
            found = self._escape_of(use, function)
            if found is not None:
                return found
        return None

    def _registry(self, func: cst.BaseExpression, function: cst.FunctionDef) -> Optional[_Escape]:
        """A decorator or called function that registers a callback, and for how long."""
        if isinstance(func, cst.Call):
            func = func.func
        qualified = self.context.qualified_name(func)
        shown = dotted_name(func) or self.context.code(func).strip()
        if qualified in _LONG_REGISTRIES:
            return _Escape(f"registered with `{shown}`", "global", qualified)
        if isinstance(func, cst.Attribute):
            method = func.attr.value
            if method in _SHORT_METHODS:
                return _Escape(f"handed to `{shown}`", "short")
            if method in _LONG_METHODS:
                if self._owned_emitter(func.value, function):
                    return _Escape(f"handed to `{shown}`", "owned")
                return _Escape(f"handed to `{shown}`", "global", held=self._held_emitter(func.value, function))
        return None

    def _escape_of(self, use: lt.Use, function: cst.FunctionDef) -> Optional[_Escape]:
        if use.kind == lt.RETURN:
            return _Escape("returned", "returned")
        if use.kind == lt.ARG and use.call is not None:
            call = use.call
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in _CONTAINER_ADDS:
                escape = self._stored(call.func.value, function)
                if escape is not None and escape.kind == "cycle" and self._queue_drained(call.func.value):
                    return None  # a queue of callbacks that is emptied: the cycle is transient
                return escape
            arg = next((a for a in call.args if a.value is use.node), None)
            rooted = rooted_argument(self.context, call, arg) if arg is not None else None
            if rooted is not None:
                shown = self.context.code(call.func).strip()
                return _Escape(f"handed to `{shown}`, which keeps it in the module-level `{rooted[1]}`,",
                               "global", "rooted-growing" if rooted[2] else "rooted")
            return self._registry(call.func, function)
        if use.kind == lt.ALIAS:
            for target in use.targets:
                if isinstance(target, cst.Attribute):
                    return self._stored(target, function)
                if isinstance(target, cst.Subscript):
                    return self._stored(target.value, function)
        return None

    def _stored(self, holder: cst.BaseExpression, function: cst.FunctionDef) -> Optional[_Escape]:
        shown = self.context.code(holder).strip()
        if self._rooted_at_self(holder, function):
            # ``self.x`` or ``self.x[k]`` is the object's own state: a cycle through ``self``.
            # ``self.loop.x = f`` patches a collaborator (tests do it all the time): left alone.
            inner = holder.value if isinstance(holder, cst.Subscript) else holder
            if isinstance(inner, cst.Attribute) and isinstance(inner.value, cst.Name):
                return _Escape(f"stored in `{shown}`", "cycle")
            return None
        root = holder
        while isinstance(root, (cst.Attribute, cst.Subscript)):
            root = root.value
        if isinstance(root, cst.Name) and lt.is_module_variable(self.context, root.value):
            if not lt.binds_locally(self.context, function, root.value) or lt.declares_global(self.context, function, root.value):
                return _Escape(f"stored in `{shown}`", "global")
        if isinstance(root, cst.Name) and self._is_parameter(function, root.value):
            # the caller's container: it outlives this call (reported for large captures only)
            return _Escape(f"stored in `{shown}`", "caller")
        return None

    def _queue_drained(self, holder: cst.BaseExpression) -> bool:
        if not isinstance(holder, cst.Attribute):
            return False
        owner = self.context.enclosing_class(holder)
        nodes = lt.owner_attribute_nodes(self.context, holder.attr.value, owner)
        return lt.is_drained(self.context, [lt.classify(self.context, node) for node in nodes])

    def _is_parameter(self, function: cst.FunctionDef, name: str) -> bool:
        params = function.params
        return any(p.name.value == name for p in (*params.posonly_params, *params.params, *params.kwonly_params))

    def _rooted_at_self(self, expr: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        self_name = self._self_name(function)
        while isinstance(expr, (cst.Attribute, cst.Subscript)):
            expr = expr.value
        return self_name is not None and isinstance(expr, cst.Name) and expr.value == self_name

    def _owned_emitter(self, expr: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        """``self._bus`` or a local bound only to it (``bus = self._bus``): an emitter the object
        owns, which dies with it."""
        if self._rooted_at_self(expr, function):
            return True
        if not isinstance(expr, cst.Name) or self._is_parameter(function, expr.value):
            return False
        values = lt.assigned_values(self.context, function, expr.value)
        return bool(values) and all(self._rooted_at_self(value, function) for value in values)

    def _held_emitter(self, expr: cst.BaseExpression, function: cst.FunctionDef) -> Optional[str]:
        """``self._client = client`` in the same method, for a ``client.on(...)`` registration on a
        parameter: the object keeps the emitter it was built for (a wrapper of one session or
        connection), so the two usually end together; the statement, shown in the message."""
        if not isinstance(expr, cst.Name) or not self._is_parameter(function, expr.value):
            return None
        self_name = self._self_name(function)
        if self_name is None:
            return None
        for use in lt.name_uses(self.context, function, expr.value):
            if use.kind == lt.ALIAS and any(lt.is_self_attribute(t, self_name=self_name) for t in use.targets):
                return f"{self.context.code(use.targets[0]).strip()} = {expr.value}"
        return None

    def _self_name(self, function: cst.FunctionDef) -> Optional[str]:
        """``self`` of the method around ``function`` (itself or an enclosing method)."""
        for candidate in (function, *[a for a in self.context.ancestors(function) if isinstance(a, cst.FunctionDef)]):
            if lt.method_owner(self.context, candidate) is not None:
                if any(
                    isinstance(d.decorator, cst.Name) and d.decorator.value in ("staticmethod", "classmethod")
                    for d in candidate.decorators
                ):
                    return None
                name = lt.first_param(candidate)
                return name if name == "self" else None
        return None

    # -- what does it capture, and use? ------------------------------------------------------------

    def _check(self, closure: Closure, function: cst.FunctionDef, escape: _Escape, captured: dict) -> None:
        self_name = self._self_name(function)
        label = "lambda" if isinstance(closure, cst.Lambda) else f"nested function `{closure.name.value}`"
        others = [name for name in captured if name != self_name]
        # A closure capturing nothing but `self`, stored on `self` or given to atexit, is LKL104's
        # self-capturing callable; this rule takes those that also carry the call's own state
        # (`lambda: self.run(state)`) and those registered where LKL104 does not look.
        lkl104_reports = escape.kind == "cycle" or escape.registry == "atexit.register"
        if self_name in captured and (others or not lkl104_reports) and escape.kind in ("cycle", "global"):
            parts = self._parts_of_self(captured[self_name])
            if parts:
                self._report_self(closure, function, label, escape, parts, others)
                return
        if escape.registry == "rooted-growing":
            # one more per call: a keyed registry replaces, one that removes items lets go
            pinned = [name for name in captured if name != self_name and self._is_parameter(function, name)]
            if pinned:
                self._report_pinned(closure, function, label, escape, pinned)
                return
        for name, nodes in captured.items():
            if name == self_name:
                continue
            source = self._large_source(function, name)
            if source is None:
                continue
            parts = self._small_parts(nodes)
            if parts:
                self._report_large(closure, label, escape, name, source, parts)
                return

    def _captured(self, closure: Closure, function: cst.FunctionDef) -> dict:
        """Free names of ``closure`` bound in ``function``, with their Name nodes."""
        return captured_names(self.context, closure, function)

    def _parts_of_self(self, nodes: Sequence[cst.Name]) -> List[str]:
        parts: List[str] = []
        for node in nodes:
            use = lt.classify(self.context, node)
            if use.kind not in (lt.METHOD, lt.ATTR):
                return []  # the closure needs the object itself
            part = f"self.{use.detail}"
            if part not in parts:
                parts.append(part)
        return parts

    def _small_parts(self, nodes: Sequence[cst.Name]) -> List[str]:
        parts: List[str] = []
        for node in nodes:
            use = lt.classify(self.context, node)
            if use.kind == lt.SUBSCRIPT:
                subscript = self.context.parent(node)
                assert subscript is not None
                part = self.context.code(subscript).strip()
            elif use.kind == lt.ATTR or (use.kind == lt.METHOD and use.detail in _PART_METHODS):
                part = f"{node.value}.{use.detail}"
            elif use.kind == lt.ARG and use.call is not None and self.context.qualified_name(use.call.func) == "builtins.len":
                part = f"len({node.value})"
            else:
                return []
            if part not in parts:
                parts.append(part)
        return parts

    def _large_source(self, function: cst.FunctionDef, name: str) -> Optional[str]:
        """How ``name`` gets a large value in ``function``, in words, or None."""
        params = function.params
        if any(p.name.value == name for p in (*params.posonly_params, *params.params, *params.kwonly_params)):
            return None
        for value in self._assigned_or_with(function, name):
            described = self._describe_large(value, function, name)
            if described is not None:
                return described
        return None

    def _assigned_or_with(self, function: cst.FunctionDef, name: str) -> List[cst.BaseExpression]:
        return lt.assigned_values(self.context, function, name)

    def _describe_large(self, value: cst.BaseExpression, function: cst.FunctionDef, name: str) -> Optional[str]:
        if isinstance(value, (cst.ListComp, cst.SetComp, cst.DictComp)):
            return "a whole comprehension"
        if isinstance(value, cst.Call):
            qualified = self.context.qualified_name(value.func) or ""
            shown = dotted_name(value.func) or "..."
            if qualified in _LARGE_CALLS or qualified.startswith("pandas.read_"):
                return f"the whole result of `{shown}(...)`"
            if isinstance(value.func, cst.Attribute) and value.func.attr.value in _READ_METHODS and not value.args:
                return f"the whole result of `{shown}()`"
            if isinstance(value.func, cst.Name) and value.func.value == "list" and not value.args:
                return self._built_in_loop(function, name)
        if isinstance(value, (cst.List, cst.Tuple, cst.Set, cst.Dict)):
            if len(value.elements) >= _BIG_LITERAL_ITEMS:
                return f"a literal of {len(value.elements)} items"
            if not value.elements and isinstance(value, cst.List):
                return self._built_in_loop(function, name)
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
            text = value.evaluated_value
            if isinstance(text, (str, bytes)) and len(text) >= _BIG_STRING:
                return f"a literal of {len(text)} characters"
        return None

    def _built_in_loop(self, function: cst.FunctionDef, name: str) -> Optional[str]:
        for use in lt.name_uses(self.context, function, name):
            if use.kind == lt.METHOD and use.detail in ("append", "extend") and lt.inside(self.context, use.node, (cst.For, cst.While)):
                return "a whole list built in a loop"
        return None

    # -- reporting ---------------------------------------------------------------------------------

    def _report_self(
        self, closure: Closure, function: cst.FunctionDef, label: str, escape: _Escape, parts: List[str], others: List[str]
    ) -> None:
        cls = lt.method_owner(self.context, function) or self.context.enclosing_class(function)
        whole = f"the whole `{cls.name.value}`" if cls is not None else "the whole object"
        used = ", ".join(f"`{p}`" for p in parts)
        if escape.kind == "cycle":
            why = f"it keeps the object alive through a reference cycle (`self` -> {escape.how.split(' ', 2)[-1]} -> {_noun(label)} -> `self`) until the cyclic garbage collector runs"
        else:
            keeper = "the module-level container" if escape.how.startswith("stored") else "the registry"
            why = f"{keeper} keeps the object alive as long as it holds the callback"
        defined = {method.name.value for method in lt.class_methods(cls)} if cls is not None else set()
        called = self._called_method(closure)
        if len(parts) == 1 and called is not None and called in defined:
            bound = self._bound_arguments(closure, called, others)
            partial = f"functools.partial({called}, {bound})" if bound else called
            suggestion = (
                f"make `{called}` a module-level function and use `{partial}`, or hold "
                f"`weakref.WeakMethod(self.{called})` and call it only while it is alive"
            )
        else:
            steps = []
            for part in parts:
                attr = part[len("self."):]
                if attr in defined:
                    steps.append(f"`{attr} = weakref.WeakMethod(self.{attr})` (call `{attr}()(...)` inside, if it is not None)")
                else:
                    steps.append(f"`{attr} = self.{attr}`")
            suggestion = (
                f"bind what it uses before creating the {_noun(label)} and use those names instead of `self`: "
                + "; ".join(steps)
            )
        confidence, grade_why = self._grade(closure, function, escape)
        if confidence is Confidence.LOW and grade_why:
            why += f"; {grade_why}"
        elif grade_why:
            why += f" ({grade_why})"
        if escape.held is not None:
            confidence = Confidence.LOW
            why += (f"; but the object keeps the emitter itself (`{escape.held}`): it was made for that "
                    "one emitter and usually ends with it")
        elif escape.registry in _ONE_VALUE_REGISTRIES:
            # the next handler replaces it: only the latest object is pinned, usually the one supervisor
            confidence = Confidence.LOW
            why += "; the next handler replaces it, so only the latest object is pinned"
        elif in_test_code(self.context, function):
            confidence = Confidence.LOW
            why += "; test code runs once"
        self.report(
            closure,
            f"{label} {escape.how} captures `self` ({whole}) but uses only {used}: {why}",
            suggestion=suggestion,
            confidence=confidence,
        )

    def _grade(self, closure: Closure, function: cst.FunctionDef, escape: _Escape) -> "tuple[Confidence, str]":
        """The consequence (lifetimes.retention_grade). A closure stored in a container on `self`
        outside the constructor is one more per call (high); one kept in a slot (`self._cb = ...`)
        is replaced by the next, so at most one cycle per object: low unless the object holds
        something heavy. A registry keeps every object it is given: graded as a pin."""
        cls = lt.method_owner(self.context, function) or self.context.enclosing_class(function)
        anchor = self._store_node(closure, function) or closure
        if escape.kind == "cycle":
            site = lt.retention_site(self.context, anchor)
            grows = escape.how.startswith("stored in") and self._into_container(anchor) and site not in (
                lt.SITE_ONCE, lt.SITE_TEARDOWN)
            confidence, why = lt.retention_grade(self.context, anchor, cls, pin=False, grows=grows)
            if confidence is Confidence.MEDIUM and not grows:
                return Confidence.LOW, "one slot per object, replaced by the next: at most one such cycle per object"
            return confidence, why
        return lt.retention_grade(self.context, anchor, cls, pin=True)

    def _store_node(self, closure: Closure, function: cst.FunctionDef) -> Optional[cst.CSTNode]:
        """The statement or call that keeps the closure (its nearest enclosing one in the method)."""
        node: Optional[cst.CSTNode] = closure
        while node is not None and node is not function:
            if isinstance(node, (cst.Assign, cst.Call)) and node is not closure:
                return node
            node = self.context.parent(node)
        if isinstance(closure, cst.FunctionDef):
            for use in lt.name_uses(self.context, function, closure.name.value):
                if use.kind in (lt.ALIAS, lt.ARG):
                    return use.call if use.kind == lt.ARG and use.call is not None else self.context.parent(use.node)
        return None

    def _into_container(self, anchor: cst.CSTNode) -> bool:
        """``self.callbacks.append(f)``, ``self.table[k] = f``: one more item, not a slot."""
        if isinstance(anchor, cst.Call):
            return isinstance(anchor.func, cst.Attribute) and anchor.func.attr.value in _CONTAINER_ADDS
        if isinstance(anchor, cst.Assign):
            return any(isinstance(t.target, cst.Subscript) for t in anchor.targets)
        return False

    def _report_pinned(self, closure: Closure, function: cst.FunctionDef, label: str, escape: _Escape,
                       pinned: List[str]) -> None:
        names = ", ".join(f"`{name}`" for name in pinned)
        self.report(
            closure,
            f"{label} {escape.how} captures {names}, the caller's own objects: each call of "
            f"`{function.name.value}` keeps one more until the interpreter exits",
            suggestion=(
                f"remove the callback from that container when {names} is done with, or register one "
                f"module-level function that receives {names} as an argument (or through `weakref.ref`)"
            ),
            confidence=Confidence.MEDIUM,
        )

    def _called_method(self, closure: Closure) -> Optional[str]:
        """``m`` when the closure is ``lambda ...: self.m(...)``."""
        if isinstance(closure, cst.Lambda) and isinstance(closure.body, cst.Call):
            func = closure.body.func
            if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
                return func.attr.value
        return None

    def _bound_arguments(self, closure: Closure, method: str, others: List[str]) -> str:
        """The arguments a partial must bind: those of ``lambda: self.m(a, b)`` that are not the
        lambda's own parameters, else the captured names."""
        if isinstance(closure, cst.Lambda) and isinstance(closure.body, cst.Call):
            params = {p.name.value for p in closure.params.params}
            func = closure.body.func
            if isinstance(func, cst.Attribute) and func.attr.value == method:
                bound = []
                for arg in closure.body.args:
                    if isinstance(arg.value, cst.Name) and arg.value.value in params:
                        break  # later arguments come after the call-time ones
                    bound.append(self.context.code(arg).strip().rstrip(","))
                return ", ".join(bound)
        return ", ".join(others)

    def _report_large(self, closure: Closure, label: str, escape: _Escape, name: str, source: str, parts: List[str]) -> None:
        used = ", ".join(f"`{p}`" for p in parts)
        self.report(
            closure,
            f"{label} {escape.how} captures `{name}` ({source}) but uses only {used}: it keeps all of "
            f"`{name}` alive for as long as the {_noun(label)} lives",
            suggestion=closure_suggestion(self.context, closure, name, parts),
        )
