"""LKL208: a class-level container that methods fill with per-call keys and nothing empties."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set

import libcst as cst

from leaklint.analysis.containers import (
    CLASS_DEFINITION_HOOKS,
    OBJECT,
    UNKNOWN,
    WORKLOAD,
    container_kind,
    is_object_identifier,
    local_assignments,
    returns_a_parameter,
)
from leaklint.analysis.growth_facts import (
    is_test_double,
    is_test_module,
    ESCAPE,
    GROW,
    READ,
    SHRINK,
    classify_use,
    describe_pinned,
    instance_names,
    first_line_text,
    growth_site_text,
    items_evidence,
    loads_data,
    runs_at_teardown,
    weak_record,
)
from leaklint.analysis.names import assignment_parts, dotted_name
from leaklint.rule import Bad, Confidence, Good, Rule

_SEQUENCE_KINDS = frozenset({"list", "deque"})
_MEMO_READS = frozenset({"get", "__contains__", "setdefault"})
# Methods that configure a table (subscriptions, handlers, settings): called by set-up code.
_CONFIGURATION_VERBS = (
    "register", "subscribe", "add_", "set_", "bind", "install", "connect", "listen", "declare", "define",
    "def_", "warn", "setup", "configure", "init",
)

# An event emitter's subscription methods, by their whole name (``on_message`` is a handler).
_EMITTER_VERBS = frozenset({"on", "once"})


@dataclass
class _Growth:
    node: cst.Attribute  # the ``<receiver>.<attribute>`` that grows
    method: cst.FunctionDef
    how: str
    items: Optional[List[Optional[cst.BaseExpression]]]
    value: Optional[cst.BaseExpression]


@dataclass
class _ClassContainer:
    klass: cst.ClassDef
    attribute: str
    kind: str
    target: cst.Name
    growths: List[_Growth] = field(default_factory=list)
    memo_methods: Set[int] = field(default_factory=set)  # ids of methods that look entries up
    released: bool = False  # removed from, reset, sized, shadowed per instance or handed on
    # Where it is released: (method, how) for each release inside a method of the module; None
    # for a release anywhere else (which could be anything).
    releases: List[Optional[tuple]] = field(default_factory=list)


class GrowingClassContainer(Rule):
    """
    ## What it does
    Flags a list, dict or set defined in a class body (`_cache = {}`) that methods fill with
    per-object or per-request entries (`self._cache[id(frame)] = frame`, `cls.table[request.id] =
    request`, `Parser._seen[hash(text)] = ...`) when nothing in the module removes from it.

    ## Why is this bad?
    A class attribute lives as long as its class, which is as long as the process. Every instance
    shares it, so a memo or table kept there gains an entry for every distinct object or request
    that any instance ever handles, and keeps that entry (and what it references) for good. It
    looks like per-instance state in review (`self._cache`), which is why it is easy to miss.

    Also flagged, at medium confidence: a table that `__init__` (or `__new__`) fills under a
    constructor argument with a new object (`self._locks.setdefault(handle, threading.RLock())`):
    it gains one entry per instance made, whatever the key is called.

    Also flagged, at medium confidence: a class-level list that gains a weak reference per
    instance or call (`cls._records.append((weakref.ref(target), name, func))`) and is emptied
    only by a teardown (`detach_all()`, any `*_all`, a shutdown, a function handed to
    `atexit.register`) or never: the reference dies with its object, the entry (and the rest of
    the tuple) does not. Pruning dead references, removing the entry from a finalizer or a
    `weakref.WeakSet` keeps it quiet.

    This is its own code, not LKL201 or LKL202: the container hangs from a class, not a module, and
    what it keeps is per-call data, not the instances themselves (LKL202 reports those).

    Not flagged: keys that name things or come from a fixed set (`name`, `path`, constants, enum
    members, classes), containers any code in the module removes from, resets or sizes, or that an
    instance shadows with its own (`self._cache = {}` in `__init__`), weak or bounded structures,
    and additions at class-definition time (`__init_subclass__`, `__set_name__`, decorators,
    `register*` methods and an event emitter's `on`/`once`, metaclasses). Keys that show nothing
    either way (`key`, `x`) are reported only for a memo of data read from a file or the network.

    A method that adds its own parameter (`cls._live.append(item)` in a classmethod `track`) is
    judged by what the module's functions pass it: `Tracker.track(request)` in a handler (or
    `self.track(conn)`, `cls.track(...)` inside the class) makes it per-request growth.

    A test double (`StubBackend`, `FakeRedis`, any class of a `stub`/`fakes` module) is reported
    at low confidence (strict profile): its table lives for one test.

    ## Known problems
    Keys are judged by their shape and names, as in LKL201. A removal in another module is not
    seen.

    ## References
    - LKL201 (the same growth in a module-level container), LKL202 (instances added to a
      class-level registry), LKL203 (`functools.lru_cache` on methods).
    """

    code = "LKL208"
    name = "growing-class-container"
    message = "class-level {kind} `{klass}.{attribute}` grows in `{method}()` and nothing removes from it"
    examples = (
        Bad(
            "class Debugger:\n    frames = {}\n\n    def remember(self, frame):\n"
            "        self.frames[id(frame)] = frame\n"
        ),
        Good(
            "class Debugger:\n    frames = {}\n\n    def remember(self, frame):\n"
            "        self.frames[id(frame)] = frame\n\n    def forget(self, frame):\n"
            "        self.frames.pop(id(frame), None)\n"
        ),
        Good(
            "class Codecs:\n    by_name = {}\n\n    def lookup(self, name):\n"
            "        if name not in self.by_name:\n            self.by_name[name] = name.lower()\n"
            "        return self.by_name[name]\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.containers: Dict[str, List[_ClassContainer]] = {}  # attribute -> containers of that name
        self.released: Set[str] = set()  # attribute names something removes from, resets or hands on
        self.class_names: Set[str] = set()
        self.metaclasses: Set[str] = set()
        # ``Tracker.track(x)``, ``cls.track(x)``, ``self.track(x)`` by method name: what callers pass
        # to a method that adds its parameter
        self.method_calls: Dict[str, List[cst.Call]] = {}

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
            self.method_calls.setdefault(func.attr.value, []).append(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.class_names.add(node.name.value)
        for base in node.bases:
            qualified = self.context.qualified_name(base.value) or ""
            if qualified in ("builtins.type", "abc.ABCMeta") or qualified.endswith("Meta"):
                self.metaclasses.add(node.name.value)
        if not isinstance(node.body, cst.IndentedBlock):
            return
        for line in node.body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                targets, value = assignment_parts(small)
                kind = container_kind(self.context, value)
                for target in targets:
                    if isinstance(target, cst.Name) and kind is not None and not target.value.startswith("__"):
                        self.containers.setdefault(target.value, []).append(
                            _ClassContainer(node, target.value, kind, target)
                        )

    def visit_Attribute(self, node: cst.Attribute) -> None:
        attribute = node.attr.value
        if attribute not in self.containers:
            return
        use = classify_use(self.context, node)
        method = self.context.enclosing_scope(node)
        container = self._container(node, method) if isinstance(method, cst.FunctionDef) else None
        if use.op in (SHRINK, ESCAPE):
            if container is not None:
                container.released = True
                container.releases.append((method, use.how) if use.op == SHRINK else None)
            else:
                # ``parser._cache.clear()``, or a subclass's ``self._cache.clear()``: without
                # types, it may be any class's container of that name (the quiet side).
                self.released.add(attribute)
            return
        if container is None or not isinstance(method, cst.FunctionDef):
            return
        if use.op == READ:
            parent = self.context.parent(node)
            if use.how in _MEMO_READS or isinstance(parent, cst.Subscript) or isinstance(parent, cst.ComparisonTarget):
                container.memo_methods.add(id(method))
            return
        if use.op == GROW:
            if use.how == "setdefault":
                container.memo_methods.add(id(method))
            container.growths.append(_Growth(node, method, use.how, list(use.items) if use.items is not None else None, use.value))

    def _container(self, node: cst.Attribute, method: cst.FunctionDef) -> Optional[_ClassContainer]:
        """The class container ``node`` names: through ``self``/``cls``/``type(self)`` inside the
        class, or through the class's name anywhere."""
        receiver = node.value
        klass = self.context.enclosing_class(method)
        candidates = self.containers[node.attr.value]
        if isinstance(receiver, cst.Name) and receiver.value in ("self", "cls"):
            return next((c for c in candidates if c.klass is klass), None)
        if isinstance(receiver, cst.Attribute) and receiver.attr.value == "__class__":
            return next((c for c in candidates if c.klass is klass), None)
        if isinstance(receiver, cst.Call) and self.context.qualified_name(receiver.func) == "builtins.type":
            return next((c for c in candidates if c.klass is klass), None)
        if isinstance(receiver, cst.Name):
            return next((c for c in candidates if c.klass.name.value == receiver.value), None)
        return None

    def leave_Module(self, node: cst.Module) -> None:
        if is_test_module(self.context.module_name, self.context.module):
            return  # test code: its objects live for one test run
        for attribute, containers in self.containers.items():
            if attribute in self.released:
                continue
            for container in containers:
                self._check(container)

    def _check(self, container: _ClassContainer) -> None:
        if container.klass.name.value in self.metaclasses:
            return
        if self._dead_references_pile_up(container):
            return
        if container.released:
            return
        for growth in container.growths:
            if self._import_time(growth.method) or _adds_self(growth):
                continue
            if growth.method.name.value in ("__get__", "__set__", "__delete__"):
                continue  # a descriptor's per-instance values: LKL206
            evidence = items_evidence(self.context, growth.items, growth.method, tuple(self.class_names))
            loaded = False
            per_instance = False
            passed = ""
            if evidence == UNKNOWN:
                loaded = self._memoises_loaded_data(container, growth)
                per_instance = not loaded and _keyed_by_constructor_argument(growth)
                if not loaded and not per_instance:
                    passed = self._passed_per_call(container, growth)
                    if not passed:
                        continue
            elif evidence not in (OBJECT, WORKLOAD):
                continue
            self._report(container, growth, loaded, per_instance, passed)
            return

    def _dead_references_pile_up(self, container: _ClassContainer) -> bool:
        """``cls._records.append((weakref.ref(target), name, func))`` per instance or call, in a list
        emptied only by a teardown (``detach_all()``, a function handed to ``atexit``) or never: the
        weak reference dies with its object, the entry does not. Reported; True when it was."""
        if container.kind not in _SEQUENCE_KINDS:
            return False
        for release in container.releases:
            if release is None:
                return False
            method, how = release
            if how != "clear" or not isinstance(method, cst.FunctionDef) or not runs_at_teardown(self.context, method):
                return False  # pruned, popped or reset along the way
        for growth in container.growths:
            if growth.how not in ("append", "appendleft", "insert") or self._import_time(growth.method):
                continue
            if runs_at_teardown(self.context, growth.method):
                continue
            reference = next((weak_record(self.context, item) for item in growth.items or () if weak_record(self.context, item)), None)
            if reference is None:
                continue
            self._report_dead_references(container, growth, reference)
            return True
        return False

    def _report_dead_references(self, container: _ClassContainer, growth: _Growth, reference: cst.Call) -> None:
        klass = container.klass.name.value
        name = f"{klass}.{container.attribute}"
        site = growth_site_text(self.context, growth.node)
        reference_text = first_line_text(self.context, reference, 30)
        teardowns = sorted({r[0].name.value for r in container.releases if r is not None})
        emptied = (
            f"only `{'()`, `'.join(teardowns)}()` empties it, once, at teardown" if teardowns
            else "nothing in this module removes from it"
        )
        message = (
            f"class-level list `{name}` gains an entry in `{klass}.{growth.method.name.value}()` (`{site}`) whose "
            f"`{reference_text}` dies with its object while the entry stays: {emptied}, so dead references "
            f"(and whatever else each entry holds) pile up for every object ever added, for the life of the process"
        )
        suggestion = (
            f"remove the entry when its object dies: `weakref.finalize(obj, {name}.remove, entry)` (or a "
            f"callback on the weak reference), prune dead references before adding, or use a `weakref.WeakSet`"
        )
        self.report(growth.node, message, suggestion=suggestion, confidence=Confidence.MEDIUM)

    def _passed_per_call(self, container: _ClassContainer, growth: _Growth) -> str:
        """``Tracker.track(request)`` in ``handle(request)``, where ``track`` adds its parameter: the
        method is judged by what a function of the module hands it ("`handle()` passes `request`")."""
        items = growth.items or []
        if len(items) != 1 or not isinstance(items[0], cst.Name):
            return ""
        method = growth.method
        params = [*method.params.posonly_params, *method.params.params]
        static = any(dotted_name(d.decorator) == "staticmethod" for d in method.decorators)
        positional = params if static else params[1:]
        index = next((i for i, p in enumerate(positional) if p.name.value == items[0].value), None)
        keyword = any(p.name.value == items[0].value for p in method.params.kwonly_params)
        if index is None and not keyword:
            return ""
        klass = container.klass
        for call in self.method_calls.get(method.name.value, ()):
            receiver = call.func.value  # type: ignore[attr-defined]
            caller = self.context.enclosing_scope(call)
            if not isinstance(caller, cst.FunctionDef) or self._import_time(caller):
                continue
            if receiver.value in ("self", "cls"):
                if self.context.enclosing_class(caller) is not klass:
                    continue
            elif receiver.value != klass.name.value:
                continue
            argument = _argument(call, index, items[0].value)
            if argument is None:
                continue
            found = items_evidence(self.context, [argument], caller, tuple(self.class_names))
            if found in (OBJECT, WORKLOAD):
                return f"`{caller.name.value}()` passes `{first_line_text(self.context, argument, 30)}`"
        return ""

    def _import_time(self, method: cst.FunctionDef) -> bool:
        name = method.name.value
        if name in CLASS_DEFINITION_HOOKS or returns_a_parameter(method):
            return True
        if not name.startswith("__") and name.lstrip("_").lower().startswith(_CONFIGURATION_VERBS):
            return True  # ``subscribe(event, callback)``, ``add_handler``: set-up calls, not per request
        if name in _EMITTER_VERBS:
            return True  # ``RTMClient.on(event=..., callback=...)``: an event emitter's subscription
        for ancestor in [method, *self.context.ancestors(method)]:
            if isinstance(ancestor, cst.FunctionDef) and ancestor is not method and ancestor.name.value in CLASS_DEFINITION_HOOKS:
                return True
        return False

    def _memoises_loaded_data(self, container: _ClassContainer, growth: _Growth) -> bool:
        if container.kind in _SEQUENCE_KINDS or id(growth.method) not in container.memo_methods:
            return False
        return loads_data(self.context, growth.value, local_assignments(growth.method), growth.method)

    def _report(
        self, container: _ClassContainer, growth: _Growth, loaded: bool, per_instance: bool = False, passed: str = ""
    ) -> None:
        klass = container.klass.name.value
        name = f"{klass}.{container.attribute}"
        site = growth_site_text(self.context, growth.node)
        if loaded:
            pinned = "the data loaded for every key ever asked for"
        else:
            pinned = describe_pinned(self.context, growth.items, growth.value, growth.method)
            first = (growth.items or [None])[0]
            if growth.value is not None and first is not None:
                pinned += f" for every `{first_line_text(self.context, first, 30)}`"
            if passed:
                pinned += f", and {passed} on every call"
        kind = container.kind if container.kind in ("list", "dict", "set") else f"`{container.kind}`"
        method = f"{klass}.{growth.method.name.value}"
        message = (
            f"class-level {kind} `{name}` grows in `{method}()` (`{site}` keeps {pinned}) and nothing in this "
            f"module removes from it: the class lives as long as the process, and so does every entry"
        )
        items = growth.items or []
        key = items[0] if len(items) == 1 else None
        if container.kind in _SEQUENCE_KINDS:
            suggestion = (
                f"keep only the latest entries (`{container.attribute} = collections.deque(maxlen=N)`), or remove "
                f"entries once they are handled"
            )
        elif isinstance(key, cst.Name) and is_object_identifier(key.value) and container.kind != "set":
            suggestion = (
                f"make it `{container.attribute} = weakref.WeakKeyDictionary()` so an entry goes when its "
                f"`{key.value}` does (its users keep it alive), or pop the entry when `{key.value}` is closed"
            )
        elif container.kind == "set":
            suggestion = f"discard items once they are done with (`{name}.discard(item)`), or bound the set's size"
        elif key is not None and not loaded:
            key_text = first_line_text(self.context, key, 30)
            suggestion = (
                f"remove the entry when its object is done with (`{name}.pop({key_text}, None)`), or bound it: "
                f"evict the oldest entry past N (`collections.OrderedDict` and `popitem(last=False)`)"
            )
        else:
            suggestion = (
                f"bound it: evict the oldest entry past N (`collections.OrderedDict` and `popitem(last=False)`), "
                f"or memoise in a module function with `@functools.lru_cache(maxsize=N)`; or keep the table on the "
                f"instance (`self.{container.attribute} = {{}}` in `__init__`) if it should die with it"
            )
        if per_instance:
            key_text = first_line_text(self.context, (growth.items or [None])[0] or growth.node, 30)
            message = (
                f"class-level {kind} `{name}` gains an entry for every `{klass}` made (`{site}` in `{method}()`, keyed by "
                f"the constructor's `{key_text}`) and nothing in this module removes from it: the class lives as long as "
                f"the process, and so does every entry"
            )
        confidence = Confidence.MEDIUM if loaded or per_instance else Confidence.HIGH
        if is_test_double(klass, self.context.module_name):
            confidence = Confidence.LOW  # an in-memory stand-in for tests (``StubBackend.results``)
        self.report(container.target, message, suggestion=suggestion, confidence=confidence)


def _argument(call: cst.Call, index: Optional[int], name: str) -> Optional[cst.BaseExpression]:
    """The argument a call passes for a parameter (by position or keyword); None when unknown."""
    positional = [arg for arg in call.args if arg.keyword is None]
    if any(arg.star for arg in call.args):
        return None
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    if index is not None and index < len(positional):
        return positional[index].value
    return None


def _adds_self(growth: _Growth) -> bool:
    """``cls._instances.append(self)``, or an instance a classmethod or ``__new__`` makes
    (``buffer = cls.__new__(cls)``): LKL202's registry of instances, not per-call data."""
    instances = instance_names(growth.method) | {"instance", "obj", "inst"}

    def is_self(node: Optional[cst.BaseExpression]) -> bool:
        return isinstance(node, cst.Name) and node.value in instances

    return is_self(growth.value) or any(is_self(item) for item in growth.items or ())


def _keyed_by_constructor_argument(growth: _Growth) -> bool:
    """``Wrapper._locks.setdefault(handle, threading.RLock())`` in ``__init__(self, handle)``: an
    entry per instance made, under whatever each caller passes, with a new object as its value."""
    if growth.method.name.value not in ("__init__", "__new__", "__post_init__") or growth.how not in ("[]=", "setdefault"):
        return False
    params = {p.name.value for p in (*growth.method.params.posonly_params, *growth.method.params.params)[1:]}
    params |= {p.name.value for p in growth.method.params.kwonly_params}
    key = (growth.items or [None])[0]
    if not (isinstance(key, cst.Name) and key.value in params):
        return False
    value = growth.value
    return isinstance(value, cst.Call) and (_callee_tail(value.func)[:1].isupper())


def _callee_tail(func: cst.BaseExpression) -> str:
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return func.value if isinstance(func, cst.Name) else ""
