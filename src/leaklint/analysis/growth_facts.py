"""Growth facts as plain data: what one use of a container does to it.

The growth rules ask the same question of every place a container is named: does this use add to
it (and what: an object made per call, a name, a constant), remove from it, or hand it to code we
cannot see? ``classify_use`` answers for one expression whose value is the container (``_cache``,
``utils.REGISTRY``, ``cls.instances``); the answer is a small dataclass of strings and ints, so a
project-scope rule can keep it in its per-file facts (no libcst nodes there).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, List, Optional, Sequence, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import (
    FINITE,
    OBJECT,
    WORKLOAD,
    GROW_METHODS,
    READ_ONLY_CALLS,
    REMOVE_METHODS,
    UNKNOWN,
    added_items,
    combine_evidence,
    identifier_tokens,
    is_finite_key,
    key_evidence,
    local_assignments,
)
from leaklint.analysis.names import dotted_name

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.analysis.context import FileContext

GROW = "grow"
SHRINK = "shrink"  # removes, resets, evicts or checks the size
ESCAPE = "escape"  # handed to code we cannot see, which may remove from it
READ = "read"

# Methods of ``str``/containers that only read an argument they are given.
_READING_METHODS = frozenset(
    {
        "join", "extend", "update", "format", "write", "writelines", "append", "add", "union", "issubset",
        "issuperset", "intersection", "difference", "isdisjoint", "startswith", "endswith",
    }
)


@dataclass
class ContainerUse:
    """One use of a container. ``items`` are the added keys/items as written (None: unknown)."""

    op: str
    how: str = ""  # "append", "[]=", "+=", "clear", ...
    items: Optional[Sequence[Optional[cst.BaseExpression]]] = None
    value: Optional[cst.BaseExpression] = None  # ``d[k] = value``, ``d.setdefault(k, value)``


def classify_use(context: "FileContext", expr: cst.BaseExpression) -> ContainerUse:
    """What the code around ``expr`` (an expression evaluating to the container) does to it."""
    parent = context.parent(expr)
    if isinstance(parent, cst.Attribute) and parent.value is expr:
        method = parent.attr.value
        if method in REMOVE_METHODS:
            return ContainerUse(SHRINK, method)
        if method not in GROW_METHODS:
            return ContainerUse(READ, method)
        call = context.parent(parent)
        if not (isinstance(call, cst.Call) and call.func is parent):
            return ContainerUse(ESCAPE, method)  # a bound ``append`` handed on: unknown use
        items = added_items(method, call)
        value = None
        if method in ("setdefault", "__setitem__"):
            value = call.args[1].value if len(call.args) > 1 else None
        return ContainerUse(GROW, method, items, value)
    if isinstance(parent, cst.Subscript) and parent.value is expr:
        is_slice = any(isinstance(element.slice, cst.Slice) for element in parent.slice)
        holder = context.parent(parent)
        if in_del(context, parent):
            return ContainerUse(SHRINK, "del")
        if isinstance(holder, cst.AssignTarget) and holder.target is parent:
            if is_slice:
                return ContainerUse(SHRINK, "[:]=")
            assign = context.parent(holder)
            value = assign.value if isinstance(assign, cst.Assign) else None
            key = subscript_key(parent)
            if overwrites_existing_key(context, parent, key):
                return ContainerUse(READ, "[]=")  # replaces the value of a key it already has
            return ContainerUse(GROW, "[]=", [key], value)
        return ContainerUse(READ, "[]")
    if in_del(context, expr):
        return ContainerUse(SHRINK, "del")
    if isinstance(parent, cst.AssignTarget) and parent.target is expr:
        return ContainerUse(SHRINK, "=")
    if _unpacked_into(context, parent):
        return ContainerUse(SHRINK, "=")  # `batch, self.items = self.items, []` swaps in a new one
    if isinstance(parent, cst.AnnAssign) and parent.target is expr and parent.value is not None:
        return ContainerUse(SHRINK, "=")  # `self.items: List[T] = []` binds it like `=` does
    if isinstance(parent, cst.AugAssign) and parent.target is expr:
        if isinstance(parent.operator, (cst.AddAssign, cst.BitOrAssign)):
            value = parent.value
            items: Optional[List[Optional[cst.BaseExpression]]]
            if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
                items = [e.value for e in value.elements]
            elif isinstance(value, cst.Dict):
                items = [getattr(e, "key", None) for e in value.elements]
            elif isinstance(value, (cst.Name, cst.Attribute)):
                items = [value]
            else:
                items = None
            return ContainerUse(GROW, "+=", items)
        return ContainerUse(SHRINK, "op=")
    if isinstance(parent, cst.Arg):
        call = context.parent(parent)
        if not isinstance(call, cst.Call):
            return ContainerUse(READ)
        qualified = context.qualified_name(call.func)
        if qualified == "builtins.len":
            if isinstance(context.parent(call), (cst.Comparison, cst.ComparisonTarget)) or _size_compared_later(context, call):
                return ContainerUse(SHRINK, "len")  # a size check bounds or evicts it
            return ContainerUse(READ)
        if qualified in READ_ONLY_CALLS:
            return ContainerUse(READ)
        if isinstance(call.func, cst.Attribute) and call.func.attr.value in _READING_METHODS:
            return ContainerUse(READ)
        return ContainerUse(ESCAPE)
    if isinstance(parent, (cst.Return, cst.Yield, cst.Assign, cst.AnnAssign, cst.NamedExpr)):
        if getattr(parent, "value", None) is expr:
            return ContainerUse(ESCAPE)
    return ContainerUse(READ)


def _unpacked_into(context: "FileContext", parent: Optional[cst.CSTNode]) -> bool:
    """``parent`` is an element of a tuple or list that an assignment unpacks into."""
    while isinstance(parent, cst.Element):
        holder = context.parent(parent)
        if not isinstance(holder, (cst.Tuple, cst.List)):
            return False
        above = context.parent(holder)
        if isinstance(above, cst.AssignTarget) and above.target is holder:
            return True
        parent = above
    return False


def assigned_value(context: "FileContext", target: cst.BaseExpression) -> Optional[cst.BaseExpression]:
    """The value bound to ``target`` by ``target = value`` or ``target: T = value``, or None."""
    holder = context.parent(target)
    if isinstance(holder, cst.AnnAssign) and holder.target is target:
        return holder.value
    assign = context.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    return assign.value if isinstance(assign, cst.Assign) else None


def subscript_key(subscript: cst.Subscript) -> Optional[cst.BaseExpression]:
    """The key expression of ``d[key]`` (a tuple for ``d[a, b]``); None for slices."""
    if len(subscript.slice) == 1 and isinstance(subscript.slice[0].slice, cst.Index):
        return subscript.slice[0].slice.value
    if all(isinstance(element.slice, cst.Index) for element in subscript.slice):
        return cst.Tuple([cst.Element(element.slice.value) for element in subscript.slice])  # type: ignore[union-attr]
    return None


# Calls that copy a container's keys or items before a loop walks them (``for k in list(d):``).
_KEY_COPIES = frozenset({"list", "tuple", "sorted", "set", "frozenset", "reversed", "enumerate"})
_KEY_VIEWS = frozenset({"items", "keys", "copy"})


def overwrites_existing_key(
    context: "FileContext", subscript: cst.Subscript, key: Optional[cst.BaseExpression]
) -> bool:
    """``d[k] = v`` that can only replace the value of a key ``d`` already has: ``k`` is a target
    of a ``for`` loop over ``d`` itself (``for k, v in d.items(): d[k] = None``), or the store
    runs under ``if k in d:``. Such a store never adds an entry."""
    if not isinstance(key, cst.Name):
        return False
    container_code = ""
    for ancestor in context.ancestors(subscript):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False
        if isinstance(ancestor, cst.For) and key.value in _target_names(ancestor.target):
            return _iterates_container(context, ancestor.iter, context.code(subscript.value))
        if isinstance(ancestor, cst.If):
            container_code = container_code or context.code(subscript.value)
            if _tests_membership(context, ancestor.test, key.value, container_code):
                return _in_body(context, subscript, ancestor)
    return False


def _target_names(target: cst.BaseExpression) -> Set[str]:
    if isinstance(target, cst.Name):
        return {target.value}
    if isinstance(target, (cst.Tuple, cst.List)):
        names: Set[str] = set()
        for element in target.elements:
            names |= _target_names(element.value)
        return names
    return set()


def _iterates_container(context: "FileContext", iterable: cst.BaseExpression, container_code: str) -> bool:
    """``d``, ``d.items()``, ``d.keys()``, ``list(d.items())``, ``sorted(d)``, ``enumerate(...)``
    is left out on purpose (its first target is an index, not a key)."""
    while True:
        if context.code(iterable) == container_code:
            return True
        if isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Attribute):
            if iterable.func.attr.value in _KEY_VIEWS and not iterable.args:
                iterable = iterable.func.value
                continue
            return False
        if (
            isinstance(iterable, cst.Call)
            and isinstance(iterable.func, cst.Name)
            and iterable.func.value in _KEY_COPIES
            and iterable.func.value != "enumerate"
            and len(iterable.args) >= 1
            and iterable.args[0].keyword is None
        ):
            iterable = iterable.args[0].value
            continue
        return False


def _tests_membership(context: "FileContext", test: cst.BaseExpression, key: str, container_code: str) -> bool:
    """``k in d`` (alone or as one operand of an ``and``)."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _tests_membership(context, test.left, key, container_code) or _tests_membership(
            context, test.right, key, container_code
        )
    return (
        isinstance(test, cst.Comparison)
        and len(test.comparisons) == 1
        and isinstance(test.comparisons[0].operator, cst.In)
        and isinstance(test.left, cst.Name)
        and test.left.value == key
        and context.code(test.comparisons[0].comparator) == container_code
    )


def _in_body(context: "FileContext", node: cst.CSTNode, branch: cst.If) -> bool:
    """``node`` is in the ``if`` branch itself, not in its ``else``/``elif``."""
    current: cst.CSTNode = node
    for ancestor in context.ancestors(node):
        if ancestor is branch:
            return current is branch.body
        current = ancestor
    return False


def in_del(context: "FileContext", node: cst.CSTNode) -> bool:
    """``node`` is a target of a ``del`` statement, directly or inside a tuple/list of targets."""
    current: Optional[cst.CSTNode] = node
    while current is not None:
        parent = context.parent(current)
        if isinstance(parent, cst.Del):
            return True
        if not isinstance(parent, (cst.Element, cst.Tuple, cst.List)):
            return False
        current = parent
    return False


def items_evidence(
    context: "FileContext",
    items: Optional[Sequence[Optional[cst.BaseExpression]]],
    scope: Optional[cst.CSTNode],
    finite_names: Sequence[str] = (),
    assignments: Optional[dict] = None,
) -> str:
    """FINITE, VOCABULARY, OBJECT, WORKLOAD or UNKNOWN for everything one growth adds
    (``assignments``: the scope's ``local_assignments``, when the caller keeps them)."""
    if items is None:
        return UNKNOWN
    if assignments is None:
        assignments = local_assignments(scope) if scope is not None else {}
    evidences = []
    for item in items:
        if is_finite_key(context, item, finite_names):
            evidences.append(FINITE)
        else:
            evidences.append(key_evidence(context, item, assignments, finite_names))
    return combine_evidence(evidences)


def first_line_text(context: "FileContext", node: cst.CSTNode, limit: int = 60) -> str:
    """The node's code on one line, shortened: for messages."""
    text = " ".join(context.code(node).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def growth_site_text(context: "FileContext", node: cst.CSTNode) -> str:
    """The statement that grows a container, quoted for a message: the whole call for
    ``self.items.append(x)`` (``node`` is ``self.items``), ``self.table[k] = ...`` for a store."""
    parent = context.parent(node)
    site: cst.CSTNode = node
    if isinstance(parent, cst.Attribute):
        call = context.parent(parent)
        site = call if isinstance(call, cst.Call) else parent
    elif isinstance(parent, cst.Subscript):
        site = parent
    return first_line_text(context, site) + (" = ..." if isinstance(site, cst.Subscript) else "")


def describe_pinned(
    context: "FileContext",
    items: Optional[Sequence[Optional[cst.BaseExpression]]],
    value: Optional[cst.BaseExpression],
    scope: Optional[cst.CSTNode],
    assignments: Optional[dict] = None,
) -> str:
    """What one growth keeps alive, in words: "a `threading.Thread` (`worker`)", "`request`".

    ``assignments``: ``local_assignments(scope)`` when the caller has it already (a walk of the
    whole scope per call made a file of many calls in one long function quadratic)."""
    subject = value if value is not None else (items[0] if items else None)
    if subject is None:
        return "an entry"
    if assignments is None:
        assignments = local_assignments(scope) if scope is not None else {}
    made = subject
    if isinstance(subject, cst.Name) and len(assignments.get(subject.value, ())) == 1:
        made = assignments[subject.value][0]
    if isinstance(made, cst.Call):
        qualified = context.qualified_name(made.func) or first_line_text(context, made.func, 40)
        if qualified == "builtins.type":
            return "a class made per call"
        if not qualified.rsplit(".", 1)[-1][:1].isupper():
            return f"`{first_line_text(context, subject, 40)}`"
        if isinstance(subject, cst.Name) and subject is not made:
            return f"a `{qualified}` (`{subject.value}`)"
        return f"a new `{qualified}`"
    if isinstance(subject, cst.Name) and subject.value == "self":
        return "the instance (`self`)"
    return f"`{first_line_text(context, subject, 40)}`"


def builds_class_per_call(context: "FileContext", value: Optional[cst.BaseExpression]) -> bool:
    """``c_ubyte * n`` (a ctypes array type whose size is known only at run time) or
    ``type(name, bases, ns)``: a new class each time the expression runs."""
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Multiply):
        left, right = value.left, value.right
        if not isinstance(left, (cst.Name, cst.Attribute)) or isinstance(right, cst.Integer):
            return False
        tail = left.attr.value if isinstance(left, cst.Attribute) else left.value
        return tail.startswith("c_") or (context.qualified_name(left) or "").startswith("ctypes.")
    if isinstance(value, cst.Call) and context.qualified_name(value.func) == "builtins.type":
        return len([arg for arg in value.args if arg.keyword is None]) == 3
    return False


# Evidence of a memo whose values are data read from a file or the network (LKL201 reports such a
# memo even when its key shows nothing about its domain).
LOADED = "loaded"

_LOADING_CALLS = frozenset(
    {
        "builtins.open", "io.open", "json.load", "pickle.load", "marshal.load", "csv.reader", "csv.DictReader",
        "urllib.request.urlopen", "requests.get", "requests.post", "httpx.get", "yaml.safe_load", "yaml.load",
        "tomllib.load", "numpy.load", "numpy.loadtxt", "pandas.read_csv", "pandas.read_parquet", "pandas.read_json",
    }
)
_LOADING_METHODS = frozenset({"read", "readlines", "read_text", "read_bytes", "fetchall", "read_csv", "read_parquet"})
_WEAK_FACTORIES = {
    "weakref.WeakKeyDictionary": "WeakKeyDictionary",
    "weakref.WeakValueDictionary": "WeakValueDictionary",
    "weakref.WeakSet": "WeakSet",
}


def weak_factory(context: "FileContext", value: Optional[cst.BaseExpression]) -> str:
    """``WeakKeyDictionary`` for ``defaultdict(WeakKeyDictionary)``, else ""."""
    if not isinstance(value, cst.Call) or not value.args or value.args[0].keyword is not None:
        return ""
    return _WEAK_FACTORIES.get(context.qualified_name(value.args[0].value) or "", "")


def loads_data(
    context: "FileContext", value: Optional[cst.BaseExpression], assignments: "dict", scope: cst.CSTNode
) -> bool:
    """``value`` is (or is built from) data read from a file or the network in ``scope``:
    ``list(csv.DictReader(handle))`` with ``handle`` from ``with open(...)``, ``json.load(f)``,
    ``path.read_text()``."""
    from leaklint.analysis.walk import walk, walk_scope

    if value is None:
        return False
    if isinstance(value, cst.Name) and len(assignments.get(value.value, ())) == 1:
        value = assignments[value.value][0]
    opened: set = set()
    for node in walk_scope(scope):
        if isinstance(node, cst.WithItem) and isinstance(node.asname, cst.AsName) and isinstance(node.asname.name, cst.Name):
            if isinstance(node.item, cst.Call) and (context.qualified_name(node.item.func) or "") in _LOADING_CALLS:
                opened.add(node.asname.name.value)
    for node in walk(value):
        if isinstance(node, cst.Name) and node.value in opened:
            return True
        if isinstance(node, cst.Call):
            if (context.qualified_name(node.func) or "") in _LOADING_CALLS:
                return True
            if isinstance(node.func, cst.Attribute) and node.func.attr.value in _LOADING_METHODS:
                return True
    return False


def is_test_module(module_name: str, module: Optional[cst.Module] = None) -> bool:
    """``test_bus``, ``conftest``, ``pkg.tests.helpers``: test code, whose tables live for one run.

    With the ``module`` given, a name that only starts with ``test`` (``openhtf.exe.test_state``,
    ``testrepository.repository``) counts as test code when the module looks like one too: a
    ``test_*`` function, a ``Test*`` class with a ``test_*`` method or a ``TestCase`` subclass, or an import of a test
    framework. Library code named after what it models (a test record, a tester) is not."""
    parts = module_name.split(".")
    tail = parts[-1]
    if tail.endswith("_test") or tail == "conftest" or "tests" in parts or "test" in parts:
        return True
    if not tail.startswith("test"):
        return False
    return module is None or _looks_like_tests(module)


_TEST_FRAMEWORKS = frozenset({"pytest", "unittest", "nose", "hypothesis", "doctest"})


def _looks_like_tests(module: cst.Module) -> bool:
    """Top-level (and class-level) evidence of a test module, read without walking the tree."""
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value.startswith("test"):
            return True
        if isinstance(statement, cst.ClassDef):
            if statement.name.value.startswith("Test") and isinstance(statement.body, cst.IndentedBlock) and any(
                    isinstance(inner, cst.FunctionDef) and inner.name.value.startswith("test")
                    for inner in statement.body.body):
                return True  # a pytest class (`TestState`, a test-run model with no `test_*` method, is not)
            for base in statement.bases:
                value = base.value
                name = value.attr.value if isinstance(value, cst.Attribute) else getattr(value, "value", "")
                if isinstance(name, str) and name.endswith("TestCase"):
                    return True
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Import):
                    for alias in small.names:
                        top = (dotted_name(alias.name) or "").split(".")[0]
                        if top in _TEST_FRAMEWORKS:
                            return True
                elif isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
                    if (dotted_name(small.module) or "").split(".")[0] in _TEST_FRAMEWORKS:
                        return True
    return False


_TEST_DOUBLE_WORDS = ("stub", "fake", "mock", "dummy")


def is_test_double(class_name: str, module_name: str) -> bool:
    """``StubBackend``, ``FakeRedis``, ``InMemoryMock``, or any class of a ``stub``/``fakes``
    module: an in-memory stand-in for tests, whose tables live for one test (its maintainers
    would not bound them)."""
    tail = module_name.rsplit(".", 1)[-1].lower().rstrip("s")
    if tail in _TEST_DOUBLE_WORDS:
        return True
    words = identifier_tokens(class_name)
    # `TestListener`: a class named like a pytest test class is a test helper (stomp.py's
    # listener that records every message for the tests to inspect).
    return bool(words) and (words[0] in _TEST_DOUBLE_WORDS or words[-1] in _TEST_DOUBLE_WORDS
                            or (words[0] == "test" and len(words) > 1))


def _size_compared_later(context: "FileContext", call: cst.Call) -> bool:
    """``num_threads = len(self._threads)`` then ``if num_threads < self._max_workers:`` in the
    same function (concurrent.futures' ``_adjust_thread_count``): the size check goes through a
    local, and bounds the container as ``if len(...) < n`` would."""
    assign = context.parent(call)
    if not (isinstance(assign, cst.Assign) and assign.value is call and len(assign.targets) == 1):
        return False
    target = assign.targets[0].target
    scope = context.enclosing_scope(call)
    if not isinstance(target, cst.Name) or not isinstance(scope, cst.FunctionDef):
        return False
    from leaklint.analysis.walk import walk_scope

    for node in walk_scope(scope):
        if isinstance(node, cst.Comparison):
            sides = [node.left, *(c.comparator for c in node.comparisons)]
            if any(isinstance(side, cst.Name) and side.value == target.value for side in sides):
                return True
    return False


def runs_once(context: "FileContext", node: cst.CSTNode) -> bool:
    """``node`` is in a function that a module flag lets run only once: ``global _done`` ...
    ``if _done: return`` ... ``_done = True`` (eventlet's thread pool ``setup()``). What it adds,
    it adds once per process, like import-time code."""
    from leaklint.analysis.walk import walk_scope

    scope = context.enclosing_scope(node)
    if not isinstance(scope, cst.FunctionDef) or not isinstance(scope.body, cst.IndentedBlock):
        return False
    declared = {item.name.value for statement in scope.body.body if isinstance(statement, cst.SimpleStatementLine)
                for small in statement.body if isinstance(small, cst.Global) for item in small.names}
    if not declared:
        return False
    for statement in scope.body.body[:4]:
        if not isinstance(statement, cst.If) or not isinstance(statement.test, cst.Name):
            continue
        flag = statement.test.value
        if flag not in declared or not _returns_at_once(statement.body):
            continue
        for inner in walk_scope(scope):
            if (isinstance(inner, cst.Assign) and isinstance(inner.value, cst.Name) and inner.value.value == "True"
                    and any(isinstance(t.target, cst.Name) and t.target.value == flag for t in inner.targets)):
                return True
    return False


def _returns_at_once(body: cst.BaseSuite) -> bool:
    lines = body.body if isinstance(body, cst.IndentedBlock) else [body]
    first = lines[0] if lines else None
    return isinstance(first, cst.SimpleStatementLine) and bool(first.body) and isinstance(first.body[0], cst.Return)


def instance_names(method: cst.FunctionDef, in_metaclass: bool = False) -> Set[str]:
    """``self``, plus the names bound to a new instance of the class: in ``__new__`` and in a
    classmethod ``super().__new__(cls)``, ``object.__new__(cls)``, ``cls.__new__(cls)`` or
    ``cls(...)`` (``instance = cls(value)``); in a metaclass's ``__call__`` (which runs once per
    instance of its classes) ``super().__call__(...)`` or ``type.__call__(cls, ...)``."""
    names = {"self"}
    is_new = method.name.value == "__new__" and not in_metaclass
    is_call = method.name.value == "__call__" and in_metaclass
    is_classmethod = any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "classmethod" for d in method.decorators
    )
    if not (is_new or is_classmethod or is_call):
        return names
    made_by = {"__call__"} if is_call else {"__new__"}
    from leaklint.analysis.walk import walk_scope

    for node in walk_scope(method.body):
        if isinstance(node, cst.Assign) and isinstance(node.value, cst.Call):
            func = node.value.func
            made = (isinstance(func, cst.Attribute) and func.attr.value in made_by) or (
                is_classmethod and isinstance(func, cst.Name) and func.value == "cls"
            )
            if made:
                names.update(t.target.value for t in node.targets if isinstance(t.target, cst.Name))
    return names


def is_metaclass(context: "FileContext", klass: cst.ClassDef) -> bool:
    """A class derived from ``type`` (or ``ABCMeta``, or a base named ``...Meta``)."""
    for base in klass.bases:
        if base.keyword is not None:
            continue
        qualified = context.qualified_name(base.value) or ""
        if qualified in ("builtins.type", "abc.ABCMeta") or qualified.rsplit(".", 1)[-1].endswith("Meta"):
            return True
    return False


def caller_evidence(
    context: "FileContext",
    function: cst.FunctionDef,
    parameter: str,
    calls_of: Callable[[cst.FunctionDef], Iterable[cst.Call]],
    finite_names: Sequence[str] = (),
    depth: int = 2,
) -> Tuple[str, Optional[cst.BaseExpression], Optional[cst.Call]]:
    """What the calls of ``function`` pass for its ``parameter``, judged where they are made:
    ``_track(worker)`` with ``worker = threading.Thread(...)`` in the caller is OBJECT. A caller
    that passes on a parameter of its own is followed to its callers in turn, ``depth`` calls up.
    ``calls_of(f)`` gives the calls of ``f`` the rule knows. Returns the strongest evidence (OBJECT
    before WORKLOAD), with the argument and the call where it was judged; UNKNOWN when no call says."""
    from leaklint.analysis.names import STARRED, argument_passed

    params = [*function.params.posonly_params, *function.params.params]
    if params and params[0].name.value in ("self", "cls") and context.enclosing_class(function) is not None:
        params = params[1:]
    index = next((i for i, p in enumerate(params) if p.name.value == parameter), None)
    if index is None and not any(p.name.value == parameter for p in function.params.kwonly_params):
        return UNKNOWN, None, None
    best: Tuple[str, Optional[cst.BaseExpression], Optional[cst.Call]] = (UNKNOWN, None, None)
    rank = {OBJECT: 2, WORKLOAD: 1}
    for call in calls_of(function):
        value = argument_passed(call, index, parameter)
        if value is None or value is STARRED:
            continue
        scope = context.enclosing_scope(call)
        if scope is function or not isinstance(scope, cst.FunctionDef):
            continue  # recursion, or a call at import time
        found: Tuple[str, Optional[cst.BaseExpression], Optional[cst.Call]] = (
            items_evidence(context, [value], scope, finite_names), value, call
        )
        if found[0] == UNKNOWN and depth > 1 and isinstance(value, cst.Name):
            found = caller_evidence(context, scope, value.value, calls_of, finite_names, depth - 1)
        if rank.get(found[0], 0) > rank.get(best[0], 0):
            best = found
    return best


def in_while_loop(context: "FileContext", node: cst.CSTNode) -> bool:
    """``node`` runs on every pass of a ``while`` loop of its own function (a serve loop)."""
    for ancestor in context.ancestors(node):
        if isinstance(ancestor, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False
        if isinstance(ancestor, cst.While):
            return True
    return False


def names_long_lived(klass: cst.ClassDef, tokens: Sequence[str]) -> bool:
    """The class or one of its bases is named like an object that serves many requests over its
    life (``tokens``: ``server``, ``service``...)."""
    names = [klass.name.value] + [dotted_name(base.value) or "" for base in klass.bases if base.keyword is None]
    return any(token in name.rsplit(".", 1)[-1].lower() for name in names for token in tokens)


# Calls that record into a container that outlives the call (a flag table, a set of seen keys).
RECORDING_METHODS = frozenset({"add", "append", "update", "setdefault"})


def recorded_targets(root: cst.CSTNode) -> Iterable[cst.BaseExpression]:
    """Every name or attribute under ``root`` that is assigned (``x = ...``, ``x += ...``,
    ``x[k] = ...``) or recorded into (``x.add(...)``): the flags and tables a once-guard tests."""
    from leaklint.analysis.walk import walk

    for node in walk(root):
        targets: List[cst.BaseExpression] = []
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign)):
            targets = [node.target]
        elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            if node.func.attr.value in RECORDING_METHODS:
                targets = [node.func.value]
        for target in targets:
            yield target.value if isinstance(target, cst.Subscript) else target


# Functions that run once, as the process or server stops: removing there does not bound growth.
SHUTDOWN_NAMES = frozenset(
    {"shutdown", "server_close", "stop_all", "cleanup_all", "close_all", "join_all", "on_shutdown", "atexit_handler"}
)
_WEAK_REFERENCES = frozenset({"weakref.ref", "weakref.WeakMethod", "weakref.proxy"})


def runs_at_teardown(context: "FileContext", function: cst.FunctionDef) -> bool:
    """A function that runs once as the process or a component stops: named like a shutdown
    (``close_all``, ``detach_all``: any ``*_all``), or handed to ``atexit.register`` in this module."""
    name = function.name.value.lstrip("_").lower()
    if name in SHUTDOWN_NAMES or name.endswith("_all"):
        return True
    from leaklint.analysis.walk import walk

    for node in walk(context.module):
        if isinstance(node, cst.Call) and node.args and context.qualified_name(node.func) == "atexit.register":
            spelled = dotted_name(node.args[0].value) or ""
            if spelled.rpartition(".")[2] == function.name.value:
                return True
    return False


def weak_record(context: "FileContext", item: Optional[cst.BaseExpression]) -> Optional[cst.Call]:
    """The ``weakref.ref(x)`` (``WeakMethod``, ``proxy``) that ``item`` is, or that a tuple item
    holds: an entry whose reference dies with its object while the entry itself stays."""
    elements = [e.value for e in item.elements] if isinstance(item, cst.Tuple) else [item]
    for element in elements:
        if isinstance(element, cst.Call) and context.qualified_name(element.func) in _WEAK_REFERENCES:
            return element
    return None
