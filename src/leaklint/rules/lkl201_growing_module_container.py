"""LKL201: a module-level container that functions add to and nothing removes from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Set, Tuple, Union

import libcst as cst

from leaklint.analysis.containers import (
    AUTOVIVIFYING,
    annotation_is_finite,
    annotation_is_object,
    CLASS_DEFINITION_HOOKS,
    FINITE,
    OBJECT,
    UNKNOWN,
    VOCABULARY,
    WORKLOAD,
    combine_evidence,
    key_evidence,
    local_assignments,
    GROW_METHODS,
    READ_ONLY_CALLS,
    REMOVE_METHODS,
    added_items,
    container_kind,
    function_name,
    is_object_identifier,
    is_finite_key,
    module_level_statements,
    returns_a_parameter,
)
from leaklint.analysis.growth_facts import (
    LOADED,
    SHUTDOWN_NAMES,
    builds_class_per_call,
    caller_evidence,
    describe_pinned,
    first_line_text,
    in_del,
    loads_data,
    overwrites_existing_key,
    runs_once,
    subscript_key,
    weak_factory as _weak_factory,
)
from leaklint.analysis.names import STARRED, argument_passed, dotted_name, last_name
from leaklint.analysis.walk import walk_scope
from leaklint.fixes.suggestions import stored_value_has_other_owner
from leaklint.rule import Bad, Confidence, Good, Option, RelatedLocation, Rule

Scope = Union[cst.FunctionDef, cst.Lambda]

_SEQUENCE_KINDS = frozenset({"list", "deque"})
_MEMO_READS = frozenset({"get", "__getitem__", "__contains__"})
# Parameters that, typed as ``str``, name a kind of event rather than carry one.
_EVENT_NAME_WORDS = frozenset({"event", "topic", "signal", "channel", "hook"})


@dataclass
class _Growth:
    """One place, inside a function, where the container gets bigger."""

    node: cst.CSTNode
    scopes: Tuple[Scope, ...]
    classes: Tuple[cst.ClassDef, ...]
    how: str  # "append", "[]=", "+=", ...
    items: Optional[List[Optional[cst.BaseExpression]]]  # what is added; None: unknown
    value: Optional[cst.BaseExpression] = None  # the value of ``d[k] = value``
    loaded: bool = False  # a memo of data read from a file or the network
    memo_of: str = ""  # a memo of new objects: the class it builds per argument
    passed: Optional[Tuple[cst.BaseExpression, cst.Call]] = None  # what a caller passes for the item
    held: Tuple[str, str] = ("", "")  # a key holding ``self.ref_cell`` (attribute, its class)


@dataclass
class _Container:
    name: str
    kind: str
    target: cst.Name
    growths: List[_Growth] = field(default_factory=list)
    shrinks: bool = False  # something removes from it, resets it or checks its size
    escapes: bool = False  # handed to code we cannot see, which may remove from it
    memo_reads: Set[int] = field(default_factory=set)  # ids of functions that look entries up
    # Removals that cannot bound it: in ``__del__`` (which never runs while the container holds
    # the instance) or in a shutdown function. Function names, for the message.
    late_removals: Dict[str, str] = field(default_factory=dict)  # function -> "del" / "shutdown"
    # ``defaultdict(WeakKeyDictionary)``: the inner tables are weak, the outer keys are not.
    weak_factory: str = ""


class GrowingModuleContainer(Rule):
    """
    ## What it does
    Flags a module-level list, dict, set, `defaultdict`, `OrderedDict`, `Counter` or unbounded
    `deque` that code inside functions adds to (`append`, `add`, `update`, `setdefault`,
    `d[k] = v`, `+=`, ...) while nothing in the module ever removes from it. The finding is on
    the first insertion that runs per call (where the bound or the removal goes), with the
    container's definition as a related location; in a huge file checked in segments it stays
    on the definition. A `# noqa: LKL201` goes on the insertion line.

    ## Why is this bad?
    A module-level container lives as long as the process, and so does everything in it. When a
    request handler appends every request to a history list, or a function memoises results in a
    module-level dict keyed by its arguments, the process grows with every call until it is killed.
    The garbage collector cannot help: every entry is still reachable.

    Not flagged:
    - containers filled only at import time: module-level code, decorator registries
      (`@register`, `@handler("ping")`), `__init_subclass__` and metaclass hooks, helpers called
      only from module level (directly or through each other), registration APIs (`register*`,
      and for dicts and sets `add_*`, `set_*`, `def_*`, `install_*`, `bind*`), warn-once sets,
      `pytest_*` hooks, `__all__`, functions a module flag lets run once (`global _started`,
      `if _started: return`, `_started = True`), and tables built once behind `if not _table:` (a
      registration function that a method calls with `self`, as in `register_instance(self)` in
      `__init__`, runs per instance and is judged like any other);
    - containers something in the module removes from: `pop`, `popitem`, `remove`, `discard`,
      `clear` (called or passed along, as in `atexit.register(_cache.clear)`), `del d[k]`, a
      reassignment, a `len()` check; and containers handed to code leaklint cannot see;
    - bounded or weak structures: `deque(maxlen=N)`, `functools.lru_cache`, cachetools caches,
      `weakref.WeakValueDictionary`, `WeakKeyDictionary`, `WeakSet`;
    - finite key domains: literals, constants, enum members, classes (`type(obj)`, `cls`), flag
      parameters (`verbose=False`), loop variables over literal lists, a private helper's
      parameter that every call fills with a constant, `id(module.__dict__)`, a key stored only
      under a test against a module constant of literals (`if backend in KNOWN_BACKENDS:`);
    - a list of names that adds each name once (`if name not in _names: _names.append(name)`, or
      after `if name in _names: return`);
    - stores that only replace the value of a key the dict already has (`for k, v in
      list(_deadlines.items()): _deadlines[k] = None`, or under `if k in _replies:`);
    - dicts and sets keyed by a vocabulary, i.e. names of things (`name`, `path`, `encoding`,
      `module`, `version`...): they hold one entry per name the program uses, not per request;
      an `event`, `topic`, `signal` or `channel` parameter annotated `str` is such a name (the
      kind of event a listener table is keyed by), not an event object.

    A container is reported when what it gains is per object (`id(frame)`, `hash(params)`, a name
    made unique per call such as `f"<template {uuid4()}>"`,
    `self`, a new instance, a file object or stream such as `fileobj`, a class made per call with
    `type(name, bases, ns)` or `c_ubyte * n` (also when a function hands such a class to a
    `set_*`/`register*` helper that stores it, which then runs per call), a key holding an object
    the instance was given (`(self.ref_cell, self.rotation)` with `ref_cell: Cell` in `__init__`), a
    parameter annotated with a type whose instances hash by identity (`file: IO[Any]`, a socket, a
    thread, a plain class of the module; not a dataclass, an enum or a class with `__eq__`), a `hashlib` digest of any text that is not a name) or named like
    per-request data (`request`, `url`, `user_id`, `session`, `event`): high confidence. A
    removal that cannot bound it does not count: `del Register[id(self)]` in `__del__` (which
    never runs while the container holds the instance), or clearing a list of threads only in
    `shutdown()` or in a teardown that joins (or closes, stops) every element first, unless the
    function that fills the list calls it. The message names the insertion and what it keeps alive. Three shapes are
    reported at medium confidence whatever their keys look like: a memo of data read from a file
    or the network (`_cache[ticker] = list(csv.DictReader(handle))` after `if ticker not in
    _cache`), a memo of new objects in a public function keyed by a whole parameter
    (`if pattern in _cache: return _cache[pattern]` ... `_cache[pattern] = Pattern(pattern)`: one
    object per distinct argument any caller ever passes), and a `defaultdict(WeakKeyDictionary)` (or `WeakSet`...) filled under object or class
    keys (`live_refs[cls][obj] = ...`): the inner tables are weak, but each outer entry keeps its
    key, a class built at run time included, for good. A list or deque of names still grows per call and is
    reported too. Keys and items that show nothing either way (`x`, `key`, `obj`) are reported
    only with the option `unknown-keys = true`, at medium confidence, unless the calls in the
    module show more: a helper that adds its parameter (`_remember(worker)`) is judged by what its
    callers pass (`_remember(threading.Thread(...))` is per object).

    ## Known problems
    Removal from another module (a test's `_cache.clear()`) is not seen. A container created lazily
    (`_cache = None` at module level, `_cache = {}` inside a function) is not followed. Keys are
    judged from their shape and names: a per-request key called `key` is missed unless
    `unknown-keys` is on, and a vocabulary that comes from input (an encoding label read from
    a request, cached even when the lookup fails) is not flagged. A key domain that is finite for
    reasons the code does not show is flagged (a public memo of objects keyed by `dialect: str`
    that only ever sees a few dialects, at medium confidence); add `# noqa: LKL201` with the reason.

    ## References
    - pylint: none. ruff: none. flake8-bugbear: B019 covers `lru_cache` on methods only (see LKL203).
    - LKL202 (instances added to a class-level registry), LKL203 (`lru_cache` on methods).
    """

    code = "LKL201"
    name = "growing-module-container"
    message = "module-level {kind} `{name}` grows in `{function}()` and nothing removes from it"
    options = (
        Option(
            "unknown-keys",
            bool,
            False,
            "also flag containers whose keys or items show nothing about their domain (medium confidence); "
            "by default only keys and items that are per-object (`id(obj)`, `hash(params)`, `self`, a new "
            "instance) or named like per-request data (`request`, `url`, `user_id`) are reported",
        ),
    )
    examples = (
        Bad(
            "_seen_requests = []\n\n\ndef handle(request):\n    _seen_requests.append(request)\n    return request.body\n"
        ),
        Bad(
            "_results = {}\n\n\nclass Result:\n    def __init__(self, params):\n        self.params = params\n\n\n"
            "def compute(params):\n    key = hash(params)\n    if key not in _results:\n"
            "        _results[key] = Result(params)\n    return _results[key]\n"
        ),
        Good(
            "import collections\n\n_seen_requests = collections.deque(maxlen=1000)\n\n\n"
            "def handle(request):\n    _seen_requests.append(request)\n    return request.body\n"
        ),
        Good(
            "_handlers = {}\n\n\ndef register(name):\n    def decorate(function):\n"
            "        _handlers[name] = function\n        return function\n    return decorate\n\n\n"
            "@register('ping')\ndef ping():\n    return 'pong'\n"
        ),
        Good(
            "_pending = {}\n\n\ndef start(job):\n    _pending[job.id] = job\n\n\ndef finish(job):\n"
            "    del _pending[job.id]\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.containers: Dict[str, _Container] = {}
        self.scopes: List[Scope] = []
        self.classes: List[cst.ClassDef] = []
        self.decorator_names: Set[str] = set()
        self.module_classes: Dict[str, cst.ClassDef] = {}
        self.module_functions: Dict[str, cst.FunctionDef] = {}
        # Names that only ever hold a literal (``_ALPHABET = b"..."``, ``_names = ["a", "b"]``).
        self.literal_constants: Set[str] = set()
        # function name -> who calls it: a function name, "<module>", or "<unknown>" when the
        # function is passed along instead of called.
        self.callers: Dict[str, Set[str]] = {}
        self.call_sites: Dict[str, List[cst.Call]] = {}
        self.assignment_cache: Dict[int, dict] = {}
        self.deleted_functions: Set[str] = set()
        self.method_calls: Dict[str, List[cst.Call]] = {}  # ``self.<method>(...)`` calls, by method name
        self.lambda_names: Dict[int, str] = {}
        self.function_like: Set[str] = set()
        self.registrars: Optional[Dict[str, str]] = None  # function -> the method that passes it ``self``

    # -- collecting ------------------------------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        seen_other: Set[str] = set()
        seen_literal: Set[str] = set()
        for statement in module_level_statements(node.body):
            for target, value in _assignments(statement):
                kind = container_kind(self.context, value)
                if kind is None or target.value in seen_other:
                    seen_other.add(target.value)
                    self.containers.pop(target.value, None)
                elif target.value not in self.containers:
                    self.containers[target.value] = _Container(target.value, kind, target)
                    if kind == "defaultdict":
                        self.containers[target.value].weak_factory = _weak_factory(self.context, value)
            for target, value in _assignments(statement):
                if isinstance(value, cst.Lambda):
                    self.lambda_names[id(value)] = target.value  # ``addflag = lambda *a: ...``
                    self.function_like.add(target.value)
                if target.value in seen_literal or not _is_literal(value):
                    self.literal_constants.discard(target.value)
                else:
                    self.literal_constants.add(target.value)
                seen_literal.add(target.value)
        for statement in _module_level_definitions(node.body):
            if isinstance(statement, cst.ClassDef):
                self.module_classes[statement.name.value] = statement
            else:
                self.module_functions[statement.name.value] = statement
                self.function_like.add(statement.name.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        for decorator in node.decorators:
            expression = decorator.decorator
            if isinstance(expression, cst.Call):
                expression = expression.func
            dotted = dotted_name(expression)
            if dotted:
                self.decorator_names.add(dotted.rsplit(".", 1)[-1])
        self.scopes.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.append(node)

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.pop()

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name):
            self.callers.setdefault(node.func.value, set()).add(self._caller())
            self.call_sites.setdefault(node.func.value, []).append(node)
        elif isinstance(node.func, cst.Attribute) and isinstance(node.func.value, cst.Name) and node.func.value.value == "self":
            self.method_calls.setdefault(node.func.attr.value, []).append(node)

    def _caller(self) -> str:
        if not self.scopes:
            return "<module>"
        return self._scope_name(self.scopes[-1])

    def _scope_name(self, scope: Scope) -> str:
        if isinstance(scope, cst.Lambda):
            return self.lambda_names.get(id(scope), "<lambda>")
        return function_name(scope)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value not in self.function_like and node.value not in self.containers:
            return
        container = self.containers.get(node.value)
        before = container.shrinks if container is not None else True
        self._visit_name(node)
        if container is None or before or not container.shrinks:
            return
        late = self._late_removal_scope() or self._atexit_removal(node)
        if late is not None:
            container.shrinks = False
            container.late_removals.setdefault(*late)

    def _atexit_removal(self, node: cst.Name) -> Optional[Tuple[str, str]]:
        """``atexit.register(_threads.clear)``: emptied only as the process exits."""
        attribute = self.context.parent(node)
        arg = self.context.parent(attribute) if isinstance(attribute, cst.Attribute) else None
        call = self.context.parent(arg) if isinstance(arg, cst.Arg) else None
        if isinstance(call, cst.Call) and self.context.qualified_name(call.func) == "atexit.register":
            return "atexit.register", "shutdown"
        return None

    def _late_removal_scope(self) -> Optional[Tuple[str, str]]:
        """(function, "del"/"shutdown") when the walk is in ``__del__`` or a shutdown function."""
        for scope in reversed(self.scopes):
            if not isinstance(scope, cst.FunctionDef):
                continue
            name = scope.name.value
            if name == "__del__":
                return name, "del"
            if name.lstrip("_").lower() in SHUTDOWN_NAMES or _drains_every_element(scope):
                return name, "shutdown"
            return None
        return None

    def _visit_name(self, node: cst.Name) -> None:
        parent = self.context.parent(node)
        if (isinstance(parent, cst.Attribute) and parent.attr is node) or (isinstance(parent, cst.Arg) and parent.keyword is node):
            return  # ``obj._cache``, ``f(_cache=...)``: another name that happens to match
        if node.value in self.function_like:
            self._function_reference(node)
        container = self.containers.get(node.value)
        if container is None:
            return
        if self.scopes and self.context.resolve_name(node.value, node) != f"{self.context.module_name}.{node.value}":
            return  # a local or parameter of the same name
        if isinstance(parent, cst.Attribute) and parent.value is node:
            self._attribute_use(container, parent)
        elif isinstance(parent, cst.Subscript) and parent.value is node:
            self._subscript_use(container, parent)
        elif isinstance(parent, cst.AssignTarget) and parent.target is node:
            if self.scopes:
                container.shrinks = True  # reset by a function (``global``)
        elif isinstance(parent, cst.AugAssign) and parent.target is node:
            self._augmented_use(container, parent)
        elif isinstance(parent, cst.Del) or (isinstance(parent, cst.Element) and in_del(self.context, parent)):
            container.shrinks = True
        elif isinstance(parent, cst.Arg):
            self._argument_use(container, parent)
        elif isinstance(parent, (cst.Return, cst.Yield, cst.Assign, cst.AnnAssign, cst.NamedExpr)):
            if getattr(parent, "value", None) is node:
                container.escapes = True
        elif isinstance(parent, cst.Element):
            # ``handlers = _handlerList`` spelled as a tuple assignment, ``return a, _cache``...
            display = self.context.parent(parent)
            holder = self.context.parent(display) if display is not None else None
            if isinstance(holder, (cst.Assign, cst.Return, cst.Arg, cst.AnnAssign)):
                container.escapes = True

    def _function_reference(self, node: cst.Name) -> None:
        parent = self.context.parent(node)
        if isinstance(parent, cst.Call) and parent.func is node:
            return
        if isinstance(parent, cst.Del) or in_del(self.context, node):
            if not self.scopes:
                self.deleted_functions.add(node.value)  # ``del def_op``: nobody can call it later
            return
        if isinstance(parent, (cst.FunctionDef, cst.Decorator)) or (
            isinstance(parent, cst.Call) and isinstance(self.context.parent(parent), cst.Decorator)
        ):
            return
        self.callers.setdefault(node.value, set()).add("<unknown>")

    # -- classifying one use ---------------------------------------------------------------------

    def _attribute_use(self, container: _Container, attribute: cst.Attribute) -> None:
        method = attribute.attr.value
        if method in REMOVE_METHODS:
            container.shrinks = True
            return
        call = self.context.parent(attribute)
        is_call = isinstance(call, cst.Call) and call.func is attribute
        if method in _MEMO_READS or method in ("setdefault",):
            self._note_memo_read(container)
        if method not in GROW_METHODS or not self.scopes:
            return
        items = added_items(method, call if is_call else None)  # type: ignore[arg-type]
        value = None
        if is_call and method in ("setdefault", "__setitem__"):
            args = call.args  # type: ignore[union-attr]
            value = args[1].value if len(args) > 1 else None
        self._grow(container, attribute, method, items, value)

    def _subscript_use(self, container: _Container, subscript: cst.Subscript) -> None:
        is_slice = any(isinstance(element.slice, cst.Slice) for element in subscript.slice)
        key = subscript_key(subscript)
        parent = self.context.parent(subscript)
        if isinstance(parent, cst.Del) or (isinstance(parent, cst.Element) and in_del(self.context, parent)):
            container.shrinks = True
            return
        if isinstance(parent, cst.AssignTarget) and parent.target is subscript:
            if is_slice:
                container.shrinks = True
            elif self.scopes and not overwrites_existing_key(self.context, subscript, key):
                assign = self.context.parent(parent)
                value = assign.value if isinstance(assign, cst.Assign) else None
                self._grow(container, subscript, "[]=", [key], value)
            return
        self._note_memo_read(container)
        if container.kind not in AUTOVIVIFYING or not self.scopes or is_slice:
            return
        # ``counts[k] += 1`` and ``groups[k].append(v)`` create the key on a defaultdict/Counter.
        # (A plain read creates it too, but reads are nearly always guarded by ``in``.)
        mutated = isinstance(parent, cst.AugAssign) and parent.target is subscript
        if isinstance(parent, cst.Subscript) and parent.value is subscript:
            holder = self.context.parent(parent)
            mutated = isinstance(holder, cst.AssignTarget) and holder.target is parent  # ``d[k][j] = v``
        if isinstance(parent, cst.Attribute) and parent.value is subscript and parent.attr.value in GROW_METHODS:
            mutated = True
        if mutated:
            self._grow(container, subscript, "[]", [key])

    def _augmented_use(self, container: _Container, node: cst.AugAssign) -> None:
        if isinstance(node.operator, (cst.AddAssign, cst.BitOrAssign)):
            if self.scopes:
                value = node.value
                if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
                    items: Optional[List[Optional[cst.BaseExpression]]] = [e.value for e in value.elements]
                elif isinstance(value, cst.Dict):
                    items = [getattr(e, "key", None) for e in value.elements]
                elif isinstance(value, (cst.Name, cst.Attribute)):
                    items = [value]  # ``_events += requests``: judged by its name
                else:
                    items = None
                self._grow(container, node, "+=", items)
        else:
            container.shrinks = True

    def _argument_use(self, container: _Container, arg: cst.Arg) -> None:
        call = self.context.parent(arg)
        if not isinstance(call, cst.Call):
            return
        qualified = self.context.qualified_name(call.func)
        if qualified == "builtins.len":
            # A size check (``if len(_cache) > MAX: ...``) bounds or evicts it.
            if isinstance(self.context.parent(call), (cst.Comparison, cst.ComparisonTarget)):
                container.shrinks = True
            return
        if qualified in READ_ONLY_CALLS:
            return
        if isinstance(call.func, cst.Attribute) and call.func.attr.value in (
            "join", "extend", "update", "format", "write", "writelines", "append", "add", "union",
            "issubset", "issuperset", "intersection", "difference", "isdisjoint", "startswith", "endswith",
        ):
            return  # reads the container
        container.escapes = True

    def _note_memo_read(self, container: _Container) -> None:
        if self.scopes:
            container.memo_reads.add(id(self.scopes[-1]))

    def _grow(
        self,
        container: _Container,
        node: cst.CSTNode,
        how: str,
        items: Optional[List[Optional[cst.BaseExpression]]],
        value: Optional[cst.BaseExpression] = None,
    ) -> None:
        container.growths.append(_Growth(node, tuple(self.scopes), tuple(self.classes), how, items, value))

    # -- deciding --------------------------------------------------------------------------------

    def leave_Module(self, node: cst.Module) -> None:
        import_time = self._import_time_functions()
        for container in self.containers.values():
            if container.shrinks or container.escapes or container.name == "__all__":
                continue
            runtime: List[_Growth] = []
            evidences: List[str] = []
            weak_outer: List[_Growth] = []
            for growth in container.growths:
                if self._import_time(growth, import_time, container.kind not in _SEQUENCE_KINDS):
                    if self._class_passed_per_call(growth) is None:
                        continue  # (a "set_"/"register" helper that a function feeds new classes runs per call)
                if container.late_removals and not self._late_removal_misses(container, growth):
                    continue
                if self._lazy_initialisation(growth, container.name) or runs_once(self.context, growth.node):
                    continue
                evidence = self._evidence(growth)
                if container.weak_factory and self._strong_outer_key(growth):
                    weak_outer.append(growth)
                    continue
                if evidence == FINITE or self._key_from_constant_set(growth):
                    continue
                if evidence == UNKNOWN and self._memoises_loaded_data(container, growth):
                    evidence, growth.loaded = LOADED, True
                if evidence == UNKNOWN and self._memoises_new_objects(container, growth):
                    evidence = LOADED  # (reported at medium confidence, like a memo of loaded data)
                # Keys that name things come from a vocabulary, not the workload (a list of them
                # still grows per call); keys and items that show nothing either way are only
                # reported when asked for.
                if evidence == VOCABULARY and (
                    container.kind not in _SEQUENCE_KINDS or self._guarded_by_membership(growth, container.name)
                ):
                    continue  # (``if name not in _names: _names.append(name)`` is a set of names)
                if evidence == UNKNOWN and not self.option("unknown-keys"):
                    continue
                runtime.append(growth)
                evidences.append(evidence)
            if runtime:
                strong = OBJECT in evidences or WORKLOAD in evidences
                self._report(container, runtime, Confidence.HIGH if strong else Confidence.MEDIUM)
            elif weak_outer:
                self._report_weak_outer(container, weak_outer[0])

    def _strong_outer_key(self, growth: _Growth) -> bool:
        """``live_refs[cls][obj] = ...``: the key of the outer table is an object or a class (a
        class may be built at run time), not a literal or a constant name."""
        key = (growth.items or [None])[0]
        if key is None or isinstance(key, (cst.SimpleString, cst.Integer, cst.Float, cst.ConcatenatedString)):
            return False
        if isinstance(key, (cst.Name, cst.Attribute)):
            tail = key.value if isinstance(key, cst.Name) else key.attr.value
            return tail == "__class__" or not _is_constant(tail)
        return True

    def _report_weak_outer(self, container: _Container, growth: _Growth) -> None:
        key = (growth.items or [None])[0]
        key_text = first_line_text(self.context, key, 30) if key is not None else "key"
        outer = self.context.parent(growth.node)
        site = first_line_text(self.context, outer if isinstance(outer, cst.Subscript) else growth.node) + " = ..."
        message = (
            f"module-level `defaultdict` `{container.name}` makes a `{container.weak_factory}` per key in "
            f"`{_describe_scope(growth)}()` (`{site}`): the inner table lets its entries go, but the outer entry "
            f"keeps its key (`{key_text}`) alive for good, so every key ever seen here, a class built at run time "
            f"included, is never freed"
        )
        suggestion = (
            f"make the outer table weak too: `{container.name} = weakref.WeakKeyDictionary()` and "
            f"`{container.name}.setdefault({key_text}, weakref.{container.weak_factory}())[...] = ...`"
        )
        self._report_at_growth(container, growth, message, suggestion, Confidence.MEDIUM)

    def _memoises_new_objects(self, container: _Container, growth: _Growth) -> bool:
        """``if pattern in _cache: return _cache[pattern]`` ... ``_cache[pattern] = Pattern(...)`` in a
        public function: a memo of objects built per distinct argument, keyed by whatever its
        callers pass (the whole parameter, not a name derived from it), and never evicted."""
        if container.kind in _SEQUENCE_KINDS or growth.how not in ("[]=", "setdefault") or not growth.scopes:
            return False
        scope = growth.scopes[-1]
        if id(scope) not in container.memo_reads or not isinstance(scope, cst.FunctionDef):
            return False
        if scope.name.value.startswith("_") or len(growth.scopes) > 1:
            return False  # a private helper's callers, or a closure's, are in this module: judged by its keys
        key = (growth.items or [None])[0]
        params = [p for p in (*scope.params.posonly_params, *scope.params.params, *scope.params.kwonly_params)]
        if growth.classes:
            params = params[1:]  # ``self``/``cls``
        names = {p.name.value for p in params}
        if not (isinstance(key, cst.Name) and key.value in names):
            return False
        param = next(p for p in params if p.name.value == key.value)
        if param.annotation is not None and annotation_is_finite(self.context, param.annotation.annotation, self._enum_classes()):
            return False  # ``color: Color``, ``mode: Literal["r", "w"]``: one entry per member
        value = growth.value
        assignments = self._assignments_in(scope)
        values = assignments.get(value.value, []) if isinstance(value, cst.Name) and value.value not in names else [value]
        made = next((self._constructed_class(candidate) for candidate in values if self._constructed_class(candidate)), "")
        growth.memo_of = made
        return bool(made)

    def _enum_classes(self) -> Set[str]:
        """Classes of this module derived from an ``enum`` class (directly or through another)."""
        found: Set[str] = set()
        changed = True
        while changed:
            changed = False
            for name, klass in self.module_classes.items():
                if name in found:
                    continue
                for base in klass.bases:
                    qualified = self.context.qualified_name(base.value) or ""
                    if qualified.startswith("enum.") or (isinstance(base.value, cst.Name) and base.value.value in found):
                        found.add(name)
                        changed = True
                        break
        return found

    def _constructed_class(self, value: Optional[cst.BaseExpression]) -> str:
        """``DateTimePattern`` for ``DateTimePattern(...)``: a new instance of a class, else ""."""
        if not isinstance(value, cst.Call):
            return ""
        func = value.func
        tail = last_name(func) or ""
        return tail if tail[:1].isupper() and not _is_constant(tail) else ""

    def _memoises_loaded_data(self, container: _Container, growth: _Growth) -> bool:
        """``_cache[ticker] = list(csv.DictReader(handle))`` in a function that looks the key up
        first: a memo of data read from a file or the network, kept for every key ever asked for.
        Heavy values make even a key that shows nothing about its domain worth reporting."""
        if container.kind in _SEQUENCE_KINDS or growth.how not in ("[]=", "setdefault") or not growth.scopes:
            return False
        scope = growth.scopes[-1]
        if id(scope) not in container.memo_reads or not isinstance(scope, cst.FunctionDef):
            return False
        key = (growth.items or [None])[0]
        params = {p.name.value for p in (*scope.params.posonly_params, *scope.params.params, *scope.params.kwonly_params)}
        if not (isinstance(key, cst.Name) and key.value in params):
            return False
        return loads_data(self.context, growth.value, self._assignments_in(scope), scope)

    def _guarded_by_membership(self, growth: _Growth, name: str) -> bool:
        """``if item not in name: name.append(item)``: each distinct item is added once."""
        items = growth.items or []
        if len(items) != 1 or items[0] is None:
            return False
        item_code = self.context.code(items[0])
        inner: cst.CSTNode = growth.node
        for ancestor in self.context.ancestors(growth.node):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                return False
            if isinstance(ancestor, cst.IndentedBlock) and self._skipped_when_present(ancestor, inner, item_code, name):
                return True  # ``if item in name: return`` earlier in the block: the same guard
            inner = ancestor
            if isinstance(ancestor, cst.If):
                test = ancestor.test
                if self._tests_membership(test, cst.NotIn, name, item_code):
                    return True
        return False

    def _tests_membership(self, test: cst.BaseExpression, operator: type, name: str, item_code: str) -> bool:
        """``item in NAME`` (or ``not in``, per ``operator``) with ``item`` spelled ``item_code``."""
        return (
            isinstance(test, cst.Comparison)
            and len(test.comparisons) == 1
            and isinstance(test.comparisons[0].operator, operator)
            and _is_name(test.comparisons[0].comparator, name)
            and self.context.code(test.left) == item_code
        )

    def _key_from_constant_set(self, growth: _Growth) -> bool:
        """``if backend in MAYBE_AVAILABLE_BACKENDS: BACKENDS[backend] = ...`` with the test's
        collection a module constant of literals: the key takes one of those few values."""
        items = growth.items or []
        if growth.how not in ("[]=", "setdefault") or not items or items[0] is None:
            return False
        key_code = self.context.code(items[0])
        inner: cst.CSTNode = growth.node
        for ancestor in self.context.ancestors(growth.node):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                return False
            if isinstance(ancestor, cst.If) and inner is ancestor.body:
                for test in _conjuncts(ancestor.test):
                    if (
                        isinstance(test, cst.Comparison)
                        and len(test.comparisons) == 1
                        and isinstance(test.comparisons[0].operator, cst.In)
                        and self.context.code(test.left) == key_code
                        and self._constant_literals(test.comparisons[0].comparator)
                    ):
                        return True
            inner = ancestor
        return False

    def _constant_literals(self, node: cst.BaseExpression) -> bool:
        """A module-level constant (``NAMES = {"a", "b"}``) bound once to a display of literals."""
        if not (isinstance(node, cst.Name) and _is_constant(node.value)):
            return False
        bound = [
            small.value
            for statement in self.context.module.body
            if isinstance(statement, cst.SimpleStatementLine)
            for small in statement.body
            if isinstance(small, cst.Assign) and any(_is_name(t.target, node.value) for t in small.targets)
        ]
        if len(bound) != 1:
            return False
        value = bound[0]
        if isinstance(value, cst.Call) and dotted_name(value.func) in ("frozenset", "set", "tuple") and len(value.args) == 1:
            value = value.args[0].value
        return isinstance(value, (cst.Set, cst.List, cst.Tuple)) and all(
            isinstance(e.value, (cst.SimpleString, cst.Integer)) for e in value.elements
        )

    def _skipped_when_present(self, block: cst.IndentedBlock, statement: cst.CSTNode, item_code: str, name: str) -> bool:
        """A statement before ``statement`` in ``block`` leaves early when the item is already in
        the container: ``if self.username in ELEVATED: ... return``."""
        for earlier in block.body:
            if earlier is statement:
                return False
            if not (isinstance(earlier, cst.If) and isinstance(earlier.body, cst.IndentedBlock) and earlier.body.body):
                continue
            test = earlier.test
            last = earlier.body.body[-1]
            leaves = isinstance(last, cst.SimpleStatementLine) and any(
                isinstance(small, (cst.Return, cst.Raise, cst.Continue)) for small in last.body
            )
            if leaves and self._tests_membership(test, cst.In, name, item_code):
                return True
        return False

    def _late_removal_misses(self, container: _Container, growth: _Growth) -> bool:
        """True when the only removals cannot free what ``growth`` adds: a ``__del__`` of the
        instance the container holds (it never runs while the entry is there), or a shutdown
        function for threads added per call."""
        kinds = set(container.late_removals.values())
        grower = self._scope_name(growth.scopes[-1]) if growth.scopes else "<module>"
        for function in container.late_removals:
            if function == grower or grower in self.callers.get(function, ()):
                return False  # drained on the same call that fills it (a batch that joins its threads)
        if "del" in kinds and growth.classes and (_is_self(growth.value) or any(_is_self(i) for i in growth.items or ())):
            return True
        return "shutdown" in kinds and self._adds_threads(growth)

    def _adds_threads(self, growth: _Growth) -> bool:
        scope = growth.scopes[-1] if growth.scopes else None
        assignments = self._assignments_in(scope)
        for item in growth.items or ():
            values = assignments.get(item.value, []) if isinstance(item, cst.Name) else [item]
            for value in values:
                if isinstance(value, cst.Call):
                    qualified = self.context.qualified_name(value.func) or ""
                    if qualified.rsplit(".", 1)[-1] in ("Thread", "Process", "Timer"):
                        return True
        return False

    def _import_time_functions(self) -> Set[str]:
        """Functions that run only as the module and its classes are defined: decorators, class
        hooks, registration APIs, and functions called only from module level or from other
        import-time functions (a fixpoint over the module's call graph)."""
        found = {
            name for name in self.function_like
            if _is_registration_name(name) and name not in self._instance_registrars()
        }
        found |= self.decorator_names | CLASS_DEFINITION_HOOKS | self.deleted_functions
        changed = True
        while changed:
            changed = False
            for name in self.function_like:
                callers = self.callers.get(name)
                if name in found or not callers:
                    continue
                if all(caller == "<module>" or caller in found for caller in callers):
                    found.add(name)
                    changed = True
        return found

    def _import_time(self, growth: _Growth, import_time: Set[str], keyed: bool) -> bool:
        for scope in growth.scopes:
            name = self._scope_name(scope)
            registration = _is_registration_name(name, keyed) and name not in self._instance_registrars()
            if name in import_time or registration or name.startswith("pytest_"):
                return True  # (pytest hooks fill per-session tables of items pytest keeps anyway)
            if isinstance(scope, cst.FunctionDef) and returns_a_parameter(scope):
                return True
        return any(_is_metaclass(self.context, klass) for klass in growth.classes)

    def _lazy_initialisation(self, growth: _Growth, name: str) -> bool:
        """``if not _patterns: _patterns.extend(...)``: filled once, on first use."""
        for ancestor in self.context.ancestors(growth.node):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                return False
            if isinstance(ancestor, cst.If) and any(_tests_empty(ancestor.test, other) for other in (name, *self.containers)):
                return True  # (the guard may test a sibling table filled in the same block)
        return False

    def _evidence(self, growth: _Growth) -> str:
        """FINITE, VOCABULARY, OBJECT or UNKNOWN for everything this growth adds."""
        if growth.items is None:
            return UNKNOWN
        scope = growth.scopes[-1] if growth.scopes else None
        assignments = self._assignments_in(scope)
        names = set(self.module_classes) | self.literal_constants
        evidences = []
        for item in growth.items:
            if self._class_made_per_call(growth, item, assignments) or self._receives_instance(growth, item):
                evidences.append(OBJECT)
            elif self._finite_item(growth, item):
                evidences.append(FINITE)
            elif isinstance(item, cst.Name) and self._event_name_parameter(growth, item):
                evidences.append(VOCABULARY)
            elif isinstance(item, cst.Name) and self._object_parameter(growth, item):
                evidences.append(OBJECT)
            else:
                evidence = key_evidence(self.context, item, assignments, names)
                if evidence == UNKNOWN:
                    held = self._holds_instance_object(growth, item, assignments)
                    if held is not None:
                        growth.held, evidence = held, OBJECT
                if evidence == UNKNOWN:
                    evidence = self._caller_evidence(growth, item, names)
                evidences.append(evidence)
        passed = self._class_passed_per_call(growth)
        if passed is not None:
            growth.passed = passed  # ``set_cached(key, submodel)`` fed ``submodel = type(...)``
            evidences.append(OBJECT)
        return combine_evidence(evidences)

    def _object_parameter(self, growth: _Growth, item: cst.Name) -> bool:
        """``def _lock_for(file: IO[Any]): _locks[file] = ...``: a parameter of the growing function
        annotated with a type whose instances hash by identity (a stream, a socket, a plain class of
        this module) is one key per object, whatever its name says."""
        scope = growth.scopes[-1] if growth.scopes else None
        if not isinstance(scope, cst.FunctionDef):
            return False
        params = (*scope.params.posonly_params, *scope.params.params, *scope.params.kwonly_params)
        param = next((p for p in params if p.name.value == item.value), None)
        if param is None or param.annotation is None:
            return False
        annotation = param.annotation.annotation
        return annotation_is_object(self.context, annotation, self.module_classes, self._enum_classes()) is not None

    def _class_passed_per_call(self, growth: _Growth) -> Optional[Tuple[cst.BaseExpression, cst.Call]]:
        """(argument, call) when a function of this module calls the growing helper with a class it
        builds per call (``submodel = type(name, (cls,), ns)`` ... ``set_cached_type(key, submodel)``)
        for the stored value or key: each such call stores a new class."""
        scope = growth.scopes[-1] if growth.scopes else None
        if not isinstance(scope, cst.FunctionDef) or len(growth.scopes) > 1:
            return None
        stored = [e for e in (*(growth.items or ()), growth.value) if isinstance(e, cst.Name)]
        params = [*scope.params.posonly_params, *scope.params.params]
        for name in {e.value for e in stored}:
            index = next((i for i, p in enumerate(params) if p.name.value == name), None)
            if index is None:
                continue
            for call in self.call_sites.get(scope.name.value, []):
                caller = self.context.enclosing_scope(call)
                if not isinstance(caller, cst.FunctionDef) or caller is scope:
                    continue
                value = _argument_for(call, index, name, params[index])
                if value is _UNKNOWN or value is None:
                    continue
                candidates = self._assignments_in(caller).get(value.value, ()) if isinstance(value, cst.Name) else [value]
                if any(self._builds_class(candidate) for candidate in candidates):
                    return value, call
        return None

    def _holds_instance_object(
        self, growth: _Growth, item: Optional[cst.BaseExpression], assignments: dict
    ) -> Optional[Tuple[str, str]]:
        """A key that holds an object the instance was given: ``(self.ref_cell, self.rotation)``
        where ``__init__`` stores ``self.ref_cell = ref_cell`` from a parameter annotated with a class of
        this module (``ref_cell: Cell``). One entry, and one pinned object, per object ever used."""
        if not growth.classes:
            return None
        if isinstance(item, cst.Name) and len(assignments.get(item.value, ())) == 1:
            item = assignments[item.value][0]
        elements = [e.value for e in item.elements] if isinstance(item, cst.Tuple) else [item]
        typed = self._object_attributes(growth.classes[-1])
        for element in elements:
            if isinstance(element, cst.Attribute) and isinstance(element.value, cst.Name) and element.value.value == "self":
                if element.attr.value in typed:
                    return f"self.{element.attr.value}", typed[element.attr.value]
        return None

    def _object_attributes(self, klass: cst.ClassDef) -> Dict[str, str]:
        """Attributes ``__init__`` sets from a parameter annotated with a (non-enum) class of this module."""
        init = next(
            (s for s in getattr(klass.body, "body", ()) if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"),
            None,
        )
        if init is None:
            return {}
        enums = self._enum_classes()
        typed: Dict[str, str] = {}
        for param in (*init.params.posonly_params, *init.params.params, *init.params.kwonly_params):
            annotation = param.annotation.annotation if param.annotation is not None else None
            if isinstance(annotation, cst.SimpleString):
                shown = str(annotation.evaluated_value or "")
            else:
                shown = dotted_name(annotation) or "" if annotation is not None else ""
            if shown in self.module_classes and shown not in enums:
                typed[param.name.value] = shown
        found: Dict[str, str] = {}
        for node in walk_scope(init.body):
            if isinstance(node, cst.Assign) and isinstance(node.value, cst.Name) and node.value.value in typed:
                for target in node.targets:
                    t = target.target
                    if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) and t.value.value == "self":
                        found[t.attr.value] = typed[node.value.value]
        return found

    def _caller_evidence(self, growth: _Growth, item: Optional[cst.BaseExpression], names: Set[str]) -> str:
        """``def _remember(worker): _workers.append(worker)``: a helper that adds its parameter,
        judged by what its calls in this module pass (``_remember(threading.Thread(...))``)."""
        scope = growth.scopes[-1] if growth.scopes else None
        if not isinstance(item, cst.Name) or not isinstance(scope, cst.FunctionDef) or len(growth.scopes) > 1:
            return UNKNOWN

        def calls_of(function: cst.FunctionDef) -> List[cst.Call]:
            klass = self.context.enclosing_class(function)
            if klass is not None:
                # ``self._remember(t)`` in a method of the same class
                return [c for c in self.method_calls.get(function.name.value, []) if self.context.enclosing_class(c) is klass]
            return self.call_sites.get(function.name.value, [])

        evidence, argument, call = caller_evidence(self.context, scope, item.value, calls_of, tuple(names))
        if argument is not None and call is not None and evidence in (OBJECT, WORKLOAD):
            growth.passed = (argument, call)
            return evidence
        return UNKNOWN

    def _class_made_per_call(self, growth: _Growth, item: Optional[cst.BaseExpression], assignments: dict) -> bool:
        """A class key that is not from a finite set: made in the function (``cls = type(name,
        bases, ns)``), or a parameter that a caller fills with a class built per call
        (``POINTER(c_ubyte * n)``, ``lookup(type(name, bases, ns))``)."""
        if not isinstance(item, cst.Name) or not growth.scopes:
            return False
        if any(self._builds_class(value) for value in assignments.get(item.value, ())):
            return True
        scope = growth.scopes[-1]
        if not isinstance(scope, cst.FunctionDef):
            return False
        return any(
            value is not _UNKNOWN and self._builds_class(value) for value in self._passed_for(scope, item.value)
        )

    def _passed_for(self, function: cst.FunctionDef, name: str) -> Iterator[Optional[cst.BaseExpression]]:
        """What each call of ``function`` in this module passes for its parameter ``name``
        (``_UNKNOWN`` where the call does not say)."""
        params = [*function.params.posonly_params, *function.params.params]
        index = next((i for i, p in enumerate(params) if p.name.value == name), None)
        if index is None:
            return
        for call in self.call_sites.get(function.name.value, []):
            yield _argument_for(call, index, name, params[index])

    def _instance_registrars(self) -> Set[str]:
        """Functions of this module that a method calls with ``self`` (``register_instance(self)``
        in ``__init__``): they run once per instance, whatever their name says."""
        if self.registrars is not None:
            return set(self.registrars)
        self.registrars = {}
        for function, calls in self.call_sites.items():
            for call in calls:
                if any(isinstance(arg.value, cst.Name) and arg.value.value == "self" for arg in call.args):
                    scope = self.context.enclosing_scope(call)
                    klass = self.context.enclosing_class(scope) if isinstance(scope, cst.FunctionDef) else None
                    if klass is not None and isinstance(scope, cst.FunctionDef):
                        self.registrars.setdefault(function, f"{klass.name.value}.{scope.name.value}")
        return set(self.registrars)

    def _receives_instance(self, growth: _Growth, item: Optional[cst.BaseExpression]) -> bool:
        """``id(obj)`` or ``obj`` where ``obj`` is a parameter that a method fills with ``self``."""
        if isinstance(item, cst.Call) and self.context.qualified_name(item.func) in ("builtins.id", "builtins.hash"):
            item = item.args[0].value if item.args else None
        scope = growth.scopes[-1] if growth.scopes else None
        if not isinstance(item, cst.Name) or not isinstance(scope, cst.FunctionDef):
            return False
        if scope.name.value not in self._instance_registrars():
            return False
        return any(isinstance(value, cst.Name) and value.value == "self" for value in self._passed_for(scope, item.value))

    def _builds_class(self, value: Optional[cst.BaseExpression]) -> bool:
        return builds_class_per_call(self.context, value)

    def _assignments_in(self, scope: Optional[Scope]) -> dict:
        if scope is None:
            return {}
        cached = self.assignment_cache.get(id(scope))
        if cached is None:
            cached = self.assignment_cache[id(scope)] = local_assignments(scope)
        return cached

    def _finite_item(self, growth: _Growth, item: Optional[cst.BaseExpression]) -> bool:
        names = set(self.module_classes) | self.literal_constants
        if is_finite_key(self.context, item, names):
            return True
        if isinstance(item, cst.Tuple) and item.elements:
            return all(self._finite_item(growth, element.value) for element in item.elements)
        if not isinstance(item, cst.Name) or not growth.scopes:
            return False
        return (
            self._flag_parameter(growth, item)
            or self._finite_loop_variable(growth, item, names)
            or self._finite_parameter(growth, item, names)
        )

    def _event_name_parameter(self, growth: _Growth, item: cst.Name) -> bool:
        """``def subscribe(event: str, ...)``: an event, topic or signal typed as a string is the
        name of a kind of event (``"changed"``), one key per kind, not an event object per call."""
        scope = growth.scopes[-1] if growth.scopes else None
        if not isinstance(scope, cst.FunctionDef):
            return False
        words = item.value.lower().strip("_").split("_")
        if not any(word in _EVENT_NAME_WORDS for word in words):
            return False
        for param in (*scope.params.posonly_params, *scope.params.params, *scope.params.kwonly_params):
            if param.name.value == item.value:
                annotation = param.annotation.annotation if param.annotation is not None else None
                return annotation is not None and self.context.qualified_name(annotation) == "builtins.str"
        return False

    def _flag_parameter(self, growth: _Growth, item: cst.Name) -> bool:
        """``def platform(aliased=False, terse=False)``: a flag takes two values."""
        scope = growth.scopes[-1]
        if not isinstance(scope, cst.FunctionDef):
            return False
        for param in (*scope.params.posonly_params, *scope.params.params, *scope.params.kwonly_params):
            if param.name.value != item.value:
                continue
            default = param.default
            if isinstance(default, cst.Name) and default.value in ("True", "False"):
                return True
            if isinstance(default, cst.Integer) and default.value in ("0", "1"):
                return True
            annotation = param.annotation.annotation if param.annotation is not None else None
            return self.context.qualified_name(annotation) == "builtins.bool" if annotation is not None else False
        return False

    def _finite_loop_variable(self, growth: _Growth, item: cst.Name, names: Set[str]) -> bool:
        """``for name in _names: _modules[name] = ...`` with ``_names`` a literal list."""
        for ancestor in self.context.ancestors(growth.node):
            if isinstance(ancestor, (cst.FunctionDef, cst.Lambda)):
                return False
            if isinstance(ancestor, cst.For) and isinstance(ancestor.target, cst.Name) and ancestor.target.value == item.value:
                return _is_literal(ancestor.iter) or (isinstance(ancestor.iter, cst.Name) and ancestor.iter.value in names)
        return False

    def _finite_parameter(self, growth: _Growth, item: cst.Name, names: Set[str]) -> bool:
        """A private helper's parameter that every call in the module fills from a finite set
        (``_b32encode(_b32alphabet, s)``, ``_sys_version()`` with its default)."""
        scope = growth.scopes[-1]
        if not isinstance(scope, cst.FunctionDef) or not scope.name.value.startswith("_"):
            return False
        function = scope.name.value
        if "<unknown>" in self.callers.get(function, {"<unknown>"}):
            return False
        params = [*scope.params.posonly_params, *scope.params.params]
        index = next((i for i, p in enumerate(params) if p.name.value == item.value), None)
        keyword_only = next((p for p in scope.params.kwonly_params if p.name.value == item.value), None)
        if index is None and keyword_only is None:
            return False
        param = params[index] if index is not None else keyword_only
        for call in self.call_sites.get(function, []):
            value = _argument_for(call, index, item.value, param)
            if value is _UNKNOWN or not is_finite_key(self.context, value, names):  # type: ignore[arg-type]
                return False
        return True

    def _report(self, container: _Container, growths: List[_Growth], confidence: Confidence) -> None:
        functions: List[str] = []
        for growth in growths:
            name = _describe_scope(growth)
            if name not in functions:
                functions.append(name)
        where = ", ".join(f"`{name}()`" for name in functions[:3]) + (" and others" if len(functions) > 3 else "")
        kind = container.kind if container.kind in ("list", "dict", "set") else f"`{container.kind}`"
        pins = self._pins(growths[0])
        message = (
            f"module-level {kind} `{container.name}` grows in {where}{pins} and nothing in this module removes from it"
        )
        suggestion = self._suggestion(container, growths[0])
        late = self._late_removal_text(container)
        if late:
            message = f"module-level {kind} `{container.name}` grows in {where}{pins} and {late}"
        if "del" in container.late_removals.values():
            suggestion = (
                f"make it `{container.name} = weakref.WeakValueDictionary()` (entries go when the instance does, "
                f"and `__del__` can run), or remove the entry in an explicit `close()`"
            )
        elif late:
            suggestion = (
                f"remove each thread from `{container.name}` when it finishes (in a `finally` at the end of its "
                f"target), or keep only live ones: `{container.name}[:] = [t for t in {container.name} if t.is_alive()]`"
            )
        self._report_at_growth(container, growths[0], message, suggestion, confidence)

    def _report_at_growth(self, container: _Container, growth: _Growth, message: str, suggestion: str,
                          confidence: Confidence) -> None:
        """Report on the statement that grows the container (what runs per call, and where the
        bound or the removal goes), with the module-level definition as a related location. In
        a segment of a huge file each segment sees its own insertions only: there the finding stays
        on the definition, which the segment holding it reports once."""
        if self.context.file_line is not None:
            self.report(container.target, message, suggestion=suggestion, confidence=confidence)
            return
        where = self.context.location(container.target)
        related = (RelatedLocation(self.context.path, where.line, where.column,
                                   f"`{container.name}` is created here, at module level"),)
        site = next((a for a in (growth.node, *self.context.ancestors(growth.node))
                     if isinstance(a, (cst.BaseSmallStatement, cst.BaseCompoundStatement))), growth.node)
        self.report(site, message, suggestion=suggestion, confidence=confidence, related=related)

    def _pins(self, growth: _Growth) -> str:
        """`` (`_log.append(request)` keeps each `request`)``: the insertion site and what it pins."""
        site = growth.node
        parent = self.context.parent(site)
        if isinstance(site, cst.Attribute) and isinstance(parent, cst.Call):
            site = parent
        text = first_line_text(self.context, site)
        if isinstance(growth.node, cst.Subscript) and growth.how == "[]=":
            text += " = ..."
        scope = growth.scopes[-1] if growth.scopes else None
        if any(self._receives_instance(growth, item) for item in growth.items or ()):
            caller = (self.registrars or {}).get(_describe_scope(growth).rsplit(".", 1)[-1], "a method")
            return f" (`{text}` keeps every instance that `{caller}()` passes as `self`)"
        pinned = describe_pinned(self.context, growth.items, growth.value, scope, self._assignments_in(scope))
        if growth.held[0]:
            return f" (`{text}` keeps every `{growth.held[1]}` ever used as `{growth.held[0]}` in its key, with {pinned})"
        if growth.loaded:
            pinned = f"the data loaded for every `{_key_text(self.context, growth.items or [])}` ever asked for"
        elif growth.passed is not None:
            argument, call = growth.passed
            caller = self.context.enclosing_scope(call)
            shown = describe_pinned(self.context, [argument], None, caller, self._assignments_in(caller))  # type: ignore[arg-type]
            caller_name = caller.name.value if isinstance(caller, cst.FunctionDef) else "a caller"
            return f" (`{text}` keeps {shown}, passed by `{caller_name}()`)"
        elif growth.memo_of:
            key_text = _key_text(self.context, growth.items or [])
            return f" (`{text}` keeps a new `{growth.memo_of}` for every distinct `{key_text}` ever passed)"
        key = (growth.items or [None])[0]
        if growth.value is not None and isinstance(key, cst.Name) and key.value != "key" and not growth.loaded:
            # ``_made[model] = fields``: the key is an object the entry keeps alive too.
            pinned = f"{describe_pinned(self.context, [key], None, scope, self._assignments_in(scope))} and {pinned}"
        return f" (`{text}` keeps {pinned})"

    def _late_removal_text(self, container: _Container) -> str:
        for function, kind in container.late_removals.items():
            if kind == "del":
                return (
                    f"is emptied only in `{function}`, which cannot run while `{container.name}` holds the instance: "
                    f"every instance stays alive as long as the process"
                )
            return (
                f"is emptied only in `{function}()`: every thread started until then, and what it references, "
                f"stays alive"
            )
        return ""

    def _suggestion(self, container: _Container, growth: _Growth) -> str:
        name = container.name
        function = _describe_scope(growth)
        items = growth.items or []
        passed_self = any(self._receives_instance(growth, item) for item in items)
        if any(isinstance(item, cst.Name) and item.value == "self" for item in items) or _is_self(growth.value) or passed_self:
            weak = "weakref.WeakSet()" if container.kind in _SEQUENCE_KINDS | {"set"} else "weakref.WeakValueDictionary()"
            if growth.how in ("[]=", "setdefault") and items and _is_self(items[0]) and not _is_self(growth.value):
                weak = "weakref.WeakKeyDictionary()"  # ``_extra[self] = ...``: the instance is the key
            return f"make it `{name} = {weak}` so it does not keep every instance alive, or remove `self` when it is closed"
        if growth.held[0] and container.kind not in _SEQUENCE_KINDS:
            attribute, owner = growth.held
            return (
                f"keep the cached values on the `{owner}` itself (a dict attribute of `{attribute}`, keyed by the rest "
                f"of the key) so they go with it, or key `{name}` weakly by `{attribute}` "
                f"(`weakref.WeakKeyDictionary`, holding a dict of the rest)"
            )
        if growth.passed is not None and self._passes_returned_class(growth.passed):
            return (
                f"make it `{name} = weakref.WeakValueDictionary()`: a class stays cached while its users (to whom "
                f"`{_scope_name_of(self.context, growth.passed[1])}()` returns it) still hold it, and goes with them"
            )
        if container.kind in _SEQUENCE_KINDS:
            return (
                f"keep only the latest entries with `{name} = collections.deque(maxlen=N)`, "
                f"or remove entries once they are handled"
            )
        if container.kind == "set":
            return f"remove items once they are done with (`{name}.discard(item)`), or bound the set's size"
        if (container.kind not in ("set", "Counter") and len(items) == 1 and isinstance(items[0], cst.Name)
                and (is_object_identifier(items[0].value) or self._object_parameter(growth, items[0]))):
            return (
                f"make it `{name} = weakref.WeakKeyDictionary()` so an entry goes when its `{items[0].value}` "
                f"does (its users keep it alive), or pop the entry when `{items[0].value}` is closed"
            )
        value = growth.value
        if isinstance(value, cst.Name) and growth.scopes:
            made = [v for v in self._assignments_in(growth.scopes[-1]).get(value.value, ()) if self._constructed_class(v)]
            value = made[0] if len(made) == 1 else value
        value_class = self._weakrefable_class(value)
        if growth.memo_of and not self._handed_on(growth):
            value_class = None  # only returned: a weak memo would drop what callers let go of, lru_cache bounds it
        if value_class is not None and not self._only_owner(container, growth):
            return (
                f"make it `{name} = weakref.WeakValueDictionary()` so an entry lives only while its "
                f"`{value_class}` is used elsewhere, or bound it with `functools.lru_cache(maxsize=N)` on `{function}`"
            )
        if growth.scopes and id(growth.scopes[-1]) in container.memo_reads and isinstance(growth.scopes[-1], cst.FunctionDef):
            return (
                f"decorate `{function}` with `@functools.lru_cache(maxsize=N)` and drop `{name}`, "
                f"or evict old entries (`{name}.pop({_key_text(self.context, items)}, None)`)"
            )
        return f"evict entries when they are no longer needed (`{name}.pop({_key_text(self.context, items)}, None)`), or bound its size"

    def _passes_returned_class(self, passed: Tuple[cst.BaseExpression, cst.Call]) -> bool:
        """The caller builds the class it passes and returns it: its users keep it alive."""
        argument, call = passed
        caller = self.context.enclosing_scope(call)
        if not isinstance(argument, cst.Name) or not isinstance(caller, cst.FunctionDef):
            return False
        return any(
            isinstance(node, cst.Return) and isinstance(node.value, cst.Name) and node.value.value == argument.value
            for node in walk_scope(caller)
        )

    def _handed_on(self, growth: _Growth) -> bool:
        """The stored value (a local name) is also passed to another call in the function
        (``logger.addHandler(handler)``): something else keeps it, and may let it go."""
        value = growth.value
        if not isinstance(value, cst.Name) or not growth.scopes:
            return False
        for node in walk_scope(growth.scopes[-1]):
            if isinstance(node, cst.Arg) and isinstance(node.value, cst.Name) and node.value.value == value.value:
                call = self.context.parent(node)
                if isinstance(call, cst.Call) and (self.context.qualified_name(call.func) or "") not in READ_ONLY_CALLS:
                    return True
        return False

    def _only_owner(self, container: _Container, growth: _Growth) -> bool:
        """The container is the only owner of what it stores (a weak one would empty at once)."""
        if not growth.scopes or growth.value is None:
            return False
        return not stored_value_has_other_owner(self.context, growth.scopes[-1], growth.value, container.name)

    def _weakrefable_class(self, value: Optional[cst.BaseExpression]) -> Optional[str]:
        """The class name when ``value`` is ``SomeClass(...)`` for a class of this module whose
        instances accept weak references (no ``__slots__`` without ``__weakref__``)."""
        if not isinstance(value, cst.Call) or not isinstance(value.func, cst.Name):
            return None
        klass = self.module_classes.get(value.func.value)
        if klass is None or _slots_without_weakref(klass):
            return None
        return klass.name.value


_UNKNOWN = cst.Name("__leaklint_unknown__")
_REGISTRATION_VERBS = ("register", "add", "set", "def", "install", "bind", "declare", "replace", "warn")


def _is_registration_name(name: str, keyed: bool = False) -> bool:
    """Configuration APIs (``register``, and for dicts and sets ``add_charset``, ``addLevelName``,
    ``_warn_once``): called a bounded number of times by setup code, not once per request. A bare
    ``add``/``set`` says nothing, and a list appended to by ``add_job`` is a history."""
    if "register" in name.lower():
        return True
    bare = name.lstrip("_").lower()
    if keyed and "warn" in bare:
        return True  # a warn-once registry: one entry per distinct warning in the code
    return keyed and any(bare.startswith(verb) and len(bare) > len(verb) for verb in _REGISTRATION_VERBS)


def _argument_for(call: cst.Call, index: Optional[int], name: str, param: cst.Param) -> Optional[cst.BaseExpression]:
    value = argument_passed(call, index, name)
    if value is STARRED:
        return _UNKNOWN
    if value is None:
        return param.default if param.default is not None else _UNKNOWN
    return value


def _is_literal(node: Optional[cst.BaseExpression]) -> bool:
    if isinstance(node, (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary)):
        return True
    if isinstance(node, cst.ConcatenatedString):
        return _is_literal(node.left) and _is_literal(node.right)
    if isinstance(node, cst.Name):
        return node.value in ("True", "False", "None")
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        return all(not isinstance(e, cst.StarredElement) and _is_literal(e.value) for e in node.elements)
    return False


def _module_level_definitions(body) -> List[Union[cst.FunctionDef, cst.ClassDef]]:  # type: ignore[no-untyped-def]
    found: List[Union[cst.FunctionDef, cst.ClassDef]] = []
    stack = list(body)
    while stack:
        statement = stack.pop()
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            found.append(statement)
        elif isinstance(statement, (cst.If, cst.Try, cst.Else)):
            for block in (statement.body, getattr(statement, "orelse", None)):
                if isinstance(block, cst.IndentedBlock):
                    stack.extend(block.body)
                elif isinstance(block, (cst.If, cst.Else)):
                    stack.append(block)
            for handler in getattr(statement, "handlers", ()):
                stack.extend(handler.body.body)
    return found


def _assignments(statement: cst.BaseSmallStatement) -> List[Tuple[cst.Name, Optional[cst.BaseExpression]]]:
    if isinstance(statement, cst.Assign):
        return [(t.target, statement.value) for t in statement.targets if isinstance(t.target, cst.Name)]
    if isinstance(statement, cst.AnnAssign) and isinstance(statement.target, cst.Name) and statement.value is not None:
        return [(statement.target, statement.value)]
    if isinstance(statement, cst.AugAssign) and isinstance(statement.target, cst.Name):
        return []
    return []


def _key_text(context, items: List[Optional[cst.BaseExpression]]) -> str:  # type: ignore[no-untyped-def]
    """The key as written (``fid``, ``job.id``), or ``key`` when it is long or unknown."""
    if len(items) == 1 and items[0] is not None:
        text = context.code(items[0]).strip()
        if len(text) <= 30 and "\n" not in text:
            return text
    return "key"


def _tests_empty(test: cst.BaseExpression, name: str) -> bool:
    """``not name``, ``len(name) == 0``, ``name == []``/``{}``."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return isinstance(test.expression, cst.Name) and test.expression.value == name
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        left, right = test.left, test.comparisons[0].comparator
        if isinstance(left, cst.Call) and isinstance(left.func, cst.Name) and left.func.value == "len" and left.args:
            return _is_name(left.args[0].value, name) and isinstance(right, cst.Integer) and right.value == "0"
        return _is_name(left, name) and isinstance(right, (cst.List, cst.Dict)) and not right.elements
    return False


def _is_name(node: cst.BaseExpression, name: str) -> bool:
    return isinstance(node, cst.Name) and node.value == name


def _is_constant(name: str) -> bool:
    letters = name.strip("_")
    return bool(letters) and letters.upper() == letters and any(c.isalpha() for c in letters)


def _is_self(node: Optional[cst.BaseExpression]) -> bool:
    return isinstance(node, cst.Name) and node.value == "self"


def _is_metaclass(context, klass: cst.ClassDef) -> bool:  # type: ignore[no-untyped-def]
    for base in klass.bases:
        if base.keyword is not None:
            continue
        qualified = context.qualified_name(base.value) or ""
        if qualified in ("builtins.type", "abc.ABCMeta", "enum.EnumMeta", "enum.EnumType") or qualified.endswith("Meta"):
            return True
    return False


def _slots_without_weakref(klass: cst.ClassDef) -> bool:
    if not isinstance(klass.body, cst.IndentedBlock):
        return False
    for statement in klass.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and any(
                isinstance(t.target, cst.Name) and t.target.value == "__slots__" for t in small.targets
            ):
                return "__weakref__" not in _code_strings(small.value)
    return False


def _code_strings(node: cst.BaseExpression) -> Set[str]:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return {value} if isinstance(value, str) else set()
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        found: Set[str] = set()
        for element in node.elements:
            found |= _code_strings(element.value)
        return found
    return set()


def _scope_name_of(context, node: cst.CSTNode) -> str:  # type: ignore[no-untyped-def]
    scope = context.enclosing_scope(node)
    return scope.name.value if isinstance(scope, cst.FunctionDef) else "its caller"


def _describe_scope(growth: _Growth) -> str:
    scope = next((s for s in reversed(growth.scopes) if isinstance(s, cst.FunctionDef)), None)
    if scope is None:
        return "<lambda>"
    enclosing_class = growth.classes[-1].name.value + "." if growth.classes else ""
    return f"{enclosing_class}{scope.name.value}"


# What a teardown does to each element of a container before emptying it.
_TEARDOWN_METHODS = frozenset({"join", "close", "stop", "cancel", "terminate", "kill", "shutdown"})


def _drains_every_element(function: cst.FunctionDef) -> bool:
    """``for t in _threads: t.join()`` (then the list is emptied): a function that ends every
    element at once runs as the program stops, not per request, whatever it is called."""
    for node in walk_scope(function):
        if not (isinstance(node, cst.For) and isinstance(node.target, cst.Name) and isinstance(node.iter, cst.Name)):
            continue
        element = node.target.value
        for inner in walk_scope(node.body):
            if (
                isinstance(inner, cst.Call)
                and isinstance(inner.func, cst.Attribute)
                and isinstance(inner.func.value, cst.Name)
                and inner.func.value.value == element
                and inner.func.attr.value in _TEARDOWN_METHODS
            ):
                return True
    return False


def _conjuncts(test: cst.BaseExpression) -> List[cst.BaseExpression]:
    """The operands of an ``and`` chain (``a and b and c``), or the test itself."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _conjuncts(test.left) + _conjuncts(test.right)
    return [test]
