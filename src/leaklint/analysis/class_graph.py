"""The project-wide class reference graph: per-file facts, resolution, strongly connected components.

Per file (``collect_class_facts``) we record, for every module-level class, which attributes may
hold instances of which classes, and how:

- ``self.x = Child(...)``, ``self.x = param`` (with ``param: Child``), ``self.x: Child``,
  ``self.items.append(child)``, ``self.items[k] = child``, class-body annotations ``x: Child``;
- stores into other objects whose type is known: ``child.parent = self``, ``a.b = b`` after
  ``a = A()``;
- ``Child(self)`` calls, resolved in the project pass against ``Child.__init__``'s stores;
- property setters, counted by what they store (``weakref.ref(value)`` makes the property weak);
- weak edges: ``weakref.ref``/``proxy``/``WeakMethod``, attributes holding a ``WeakSet``,
  ``WeakValueDictionary`` or ``WeakKeyDictionary``.

Class names are module-qualified (``pkg.tree.Node``) and resolved through imports and re-exports,
never by bare name. The project pass (``ClassGraph``) flattens inheritance, keeps strong edges,
and finds strongly connected components with an iterative Tarjan (linear in classes + edges).

Within one function (or at module level) ``a.b = b; b.a = a`` and ``a.append(b); b.append(a)``
are recorded as local pairs; the project pass drops a pair whose store goes through a weak
property.
"""

from __future__ import annotations

import re
import sys

import weakref
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Set, Tuple, cast

import libcst as cst

from leaklint.analysis.context import FileContext
from leaklint.analysis.dead_arms import branch_value, module_bool_constants, negated_coroutine_check
from leaklint.analysis.names import LOCAL, decorator_name, dotted_name, last_name
from leaklint.analysis.statement_lines import STATEMENT_TYPES, StatementLines, statement_lines
from leaklint.analysis.walk import nodes_by_scope, walk, walk_scope
from leaklint.facts.on_demand import SummaryStore
from leaklint.facts.records import AliasTable, SummaryRecord, compact_summary
from leaklint.analysis.inherited import scan_method
from leaklint.facts.summaries import RETURN, SummaryBuilder, releases
from leaklint.flow.identity import Renamer, renamers
from leaklint.flow.narrowing import isinstance_classes
from leaklint.rule import Location

WEAK_FUNCTIONS = frozenset(
    {"weakref.ref", "weakref.proxy", "weakref.WeakMethod", "_weakref.ref", "_weakref.proxy", "weakref.finalize"}
)
# What an isinstance() test names when the value it lets through is already a weak reference.
_WEAK_REFERENCE_TYPES = frozenset(
    {"weakref.ref", "weakref.ReferenceType", "weakref.ProxyType", "weakref.CallableProxyType", "weakref.WeakMethod",
     "_weakref.ref", "_weakref.ReferenceType", "weakref.ProxyTypes"}
)
WEAK_CONTAINERS = frozenset(
    {
        "weakref.WeakSet", "weakref.WeakValueDictionary", "weakref.WeakKeyDictionary", "_weakrefset.WeakSet",
    }
)
# Methods Python makes class methods without a decorator (the data model, "Customizing class
# creation"): their first parameter is the class, and what they store on it is a class's.
IMPLICIT_CLASSMETHODS = frozenset({"__init_subclass__", "__class_getitem__"})
# Annotation heads whose arguments are not held: a callback taking a Node does not hold a Node.
_NOT_HELD = frozenset(
    {
        "typing.Callable", "collections.abc.Callable", "typing.Type", "builtins.type", "typing.ClassVar",
        "typing.Literal", "typing_extensions.Literal", "typing.Final", "typing.Iterator", "typing.Generator",
        "collections.abc.Iterator", "collections.abc.Generator", "typing.Iterable", "collections.abc.Iterable",
        "typing.AsyncIterator", "typing.Awaitable", "typing.Coroutine", "typing.TypeGuard",
        "weakref.ref", "weakref.ReferenceType", "weakref.ProxyType", "weakref.CallableProxyType",
        "weakref.WeakMethod", "_weakref.ref", "_weakref.ReferenceType",
    }
) | WEAK_CONTAINERS
# Subscripted annotations from these modules are containers or unions: their arguments are held.
_CONTAINER_MODULES = ("builtins.", "typing.", "typing_extensions.", "collections.", "queue.", "asyncio.")
_WEAK_LAST = frozenset({"ref", "proxy", "finalize", "partial"})
# Subscripted bases that add no behaviour of their own: `class Pool(Generic[T])`.
_TYPING_BASES = frozenset({"typing.Generic", "typing.Protocol", "typing_extensions.Protocol"})
_PLAIN_DISPLAYS = (cst.List, cst.Dict, cst.Set, cst.ListComp, cst.DictComp, cst.SetComp)
_SCOPE_FACT_TYPES = frozenset({cst.Assign, cst.AnnAssign, cst.Call})  # what `_scope` reads
_SUMMARY_TYPES = _SCOPE_FACT_TYPES | {cst.Return, cst.Del, cst.For}  # what the summary builder reads
_ADDERS = {"append": 0, "add": 0, "appendleft": 0, "insert": 1, "setdefault": 1, "put": 0, "put_nowait": 0}

# `client.scripts.add(x)`, `obj.items[k] = x`: a store into another object's container.
_OUTSIDE_CONTAINER_STORE = re.compile(r"^\w+\.\w+\s*(\.\w+\(|\[)")

# The records below live for the whole project pass, one per class, edge and store of the
# project (30,000 classes and 20,000 edges on a sweep of site-packages): without a ``__dict__``
# each, which unpickling always builds (Python 3.10+ only: ``slots`` is new there).
_SLOTS: Dict[str, Any] = {"slots": True} if sys.version_info >= (3, 10) else {}

# Edge kinds, in the order a report prefers them as "the back-reference to make weak".
BACKREF = "backref"  # `child.parent = self`, `Child(self)` stored by Child.__init__
PARAM = "param"  # `self.parent = parent` (a reference handed in)
STORE = "store"  # `a.b = b` on a typed local
OWNED = "owned"  # `self.child = Child()`: an object the class creates
_KIND_RANK = {BACKREF: 0, PARAM: 1, STORE: 2, OWNED: 3}


@dataclass(frozen=True, **_SLOTS)
class Edge:
    """Instances of ``source`` may hold an instance of ``target`` in attribute ``attr``."""

    source: str
    attr: str
    target: str
    weak: bool
    kind: str
    location: Location
    text: str  # the statement, shortened, for messages
    via_property: bool = False  # `obj.attr = v` from outside: a property setter may decide
    path: str = ""


@dataclass(frozen=True, **_SLOTS)
class CtorCall:
    """``Target(..., self, ...)`` inside a method of ``caller``: Target.__init__ may store it."""

    caller: str
    target: str
    positions: Tuple[int, ...]
    keywords: Tuple[str, ...]
    location: Location
    text: str


@dataclass(frozen=True, **_SLOTS)
class InitStore:
    param: str
    attr: str
    weak: bool
    location: Location
    text: str


@dataclass(**_SLOTS)
class ClassInfo:
    # No location of its own: nothing reports a class definition, and a location costs the
    # file's ``ast`` parse, which most files with classes would otherwise not need.
    name: str
    bases: Tuple[str, ...] = ()
    del_location: Optional[Location] = None
    init_params: Tuple[str, ...] = ()
    init_stores: List[InitStore] = field(default_factory=list)
    weak_properties: Set[str] = field(default_factory=set)  # setters that store a weakref
    strong_properties: Set[str] = field(default_factory=set)
    weak_attrs: Set[str] = field(default_factory=set)  # hold a WeakSet / WeakValueDictionary...
    path: str = ""
    methods: Set[str] = field(default_factory=set)  # names of the methods the class defines
    attrs: Set[str] = field(default_factory=set)  # attributes its own code sets (self.x = ..., class body)
    # Attributes of `self` its methods release or hand on (analysis/inherited.py), and whether a
    # release method reaches attributes by name at run time (`getattr(self, n).close()`) or a base
    # class could not be named: then nothing can be said about what it releases.
    released: Set[str] = field(default_factory=set)
    opaque: bool = False
    # Its `__del__` only warns or logs (an "unclosed" ResourceWarning) or does nothing: a cycle
    # that delays it delays no cleanup.
    del_warns_only: bool = False
    # Attributes its own code sets to an array or a buffer (`self.pixels = np.asarray(data)`,
    # `self.buf = bytearray(n)`): bulk data known from the value, not guessed from a name.
    array_attrs: Set[str] = field(default_factory=set)
    # Its `__del__` calls a close-like method of its own (`def __del__(self): self.close()`): the
    # class counts on it to release what callers did not close.
    del_closes: bool = False


@dataclass(frozen=True, **_SLOTS)
class LocalStore:
    holder: str  # local name that holds
    value: str  # local name held
    holder_types: Tuple[str, ...]
    attr: Optional[str]  # `holder.attr = value` / `holder.attr.append(value)`; None: `holder.append`
    via_setattr: bool  # `holder.attr = value` (a property setter may make it weak)
    location: Location
    text: str
    value_plain: bool = False  # the value is a plain list/dict/set: it cannot be weakly referenced


@dataclass(frozen=True, **_SLOTS)
class LocalPair:
    """``first`` makes ``a`` hold ``b`` and ``second`` makes ``b`` hold ``a``, in one scope."""

    first: LocalStore
    second: LocalStore
    path: str = ""


@dataclass
class ClassFacts:
    module: str
    classes: List[ClassInfo] = field(default_factory=list)
    edges: List[Edge] = field(default_factory=list)
    ctor_calls: List[CtorCall] = field(default_factory=list)
    local_pairs: List[LocalPair] = field(default_factory=list)
    aliases: Dict[str, str] = field(default_factory=dict)  # "pkg.Node" -> "pkg.node.Node"
    # Function summaries (plain data, see leaklint.facts.summaries), composed by leaklint.flow.
    summaries: List[Dict[str, Any]] = field(default_factory=list)


_CACHE: "weakref.WeakKeyDictionary[FileContext, ClassFacts]" = weakref.WeakKeyDictionary()


def collect_class_facts(context: FileContext) -> ClassFacts:
    """The file's class-graph facts, computed once per file however many rules ask."""
    facts = _CACHE.get(context)
    if facts is None:
        facts = _Collector(context).run()
        _CACHE[context] = facts
    return facts


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- per-file collection --------------------------------------------------------------------------


@dataclass
class _Scope:
    node: cst.CSTNode
    cls: Optional[str]  # the class whose method this is
    self_name: Optional[str]
    types: Dict[str, Set[str]] = field(default_factory=dict)
    param_names: Set[str] = field(default_factory=set)
    plain: Set[str] = field(default_factory=set)  # locals bound to list/dict/set displays
    decorators: Tuple[str, ...] = ()


class _Collector:
    def __init__(self, context: FileContext) -> None:
        self.context = context
        self.facts = ClassFacts(context.module_name)
        self.class_names: Dict[int, str] = {}  # id(ClassDef) -> qualified name
        self.infos: Dict[str, ClassInfo] = {}
        self.lines: Optional[StatementLines] = None
        self.scope_nodes: Dict[int, List[cst.CSTNode]] = {}  # filled by run(): nodes of each scope
        # Attribute names this module stores a weakref or proxy into (`link.prev = proxy(last)`):
        # other stores into the same name, say `a.prev = b` on a proxy read back, count as weak.
        self.weak_attr_names: Set[str] = set()
        self.dead: Set[int] = set()  # ids of nodes in `if` arms that never run
        self.globals: Optional[Set[str]] = None
        self.current_scope: Optional[_Scope] = None
        # (class, method) -> classes a method of a class of this file returns new (a factory)
        self.factories: Dict[Tuple[str, str], List[str]] = {}
        self.own_methods: Dict[str, Set[str]] = {}  # class -> methods its body defines (bound-method stores)

    def _location(self, node: cst.CSTNode) -> Location:
        assert self.lines is not None
        return self.lines.location(node)

    def _text(self, node: cst.CSTNode) -> str:
        assert self.lines is not None
        return _short(self.lines.text(node))

    def run(self) -> ClassFacts:
        context = self.context
        for name, target in context.module_bindings.names.items():
            if target != LOCAL and target != f"{context.module_name}.{name}":
                self.facts.aliases[f"{context.module_name}.{name}"] = target
        # One walk for both the statement list and each scope's nodes (walking every scope again
        # cost as much as a second walk of the file).
        every: List[cst.CSTNode] = []
        self.scope_nodes = nodes_by_scope(context.module, every)
        statements = [node for node in every if type(node) in STATEMENT_TYPES]
        classes = [cast(cst.ClassDef, node) for node in statements if type(node) is cst.ClassDef]
        functions = [cast(cst.FunctionDef, node) for node in statements if type(node) is cst.FunctionDef]
        self.lines = statement_lines(context, statements)
        self.dead = _dead_nodes(context.module, statements)
        if self.dead:
            classes = [c for c in classes if id(c) not in self.dead]
            functions = [f for f in functions if id(f) not in self.dead]
        for cls in classes:
            self._class(cls)
        self._factory_methods(functions)
        self._scope(_Scope(context.module, None, None))
        for function in functions:
            self._function(function)
        weak_names = self.weak_attr_names
        if weak_names:
            self.facts.local_pairs = [
                p for p in self.facts.local_pairs if p.first.attr not in weak_names and p.second.attr not in weak_names
            ]
            self.facts.edges = [
                _replace(e, e.source, e.target, True) if e.kind == STORE and e.attr in weak_names else e
                for e in self.facts.edges
            ]
        return self.facts

    # -- classes ----------------------------------------------------------------------------

    def _class_owner(self, node: cst.CSTNode) -> Optional[cst.ClassDef]:
        """The ClassDef whose body directly contains ``node`` (a def or a class)."""
        block = self.context.parent(node)
        owner = self.context.parent(block) if block is not None else None
        return owner if isinstance(owner, cst.ClassDef) else None

    def _class(self, node: cst.ClassDef) -> None:
        if self.context.enclosing_scope(node) is not None:
            return  # a class local to a function: nothing outside can name it
        names = [node.name.value]
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, cst.ClassDef):
                names.append(ancestor.name.value)
        qualified = f"{self.context.module_name}.{'.'.join(reversed(names))}"
        self.class_names[id(node)] = qualified
        bases = []
        unnamed = False
        for arg in node.bases:
            resolved = self._resolve(arg.value, arg.value)
            if resolved:
                bases.append(resolved)
            elif not (isinstance(arg.value, cst.Subscript) and self._resolve(arg.value.value, arg.value) in _TYPING_BASES):
                unnamed = True  # `class C(make_base())`: what it inherits is unknown
        # `metaclass=abc.ABCMeta` only adds abstract-method checks: what the class's methods do is all here.
        keywords = [k for k in node.keywords if not self._abstract_metaclass(k)]
        info = ClassInfo(qualified, tuple(bases), path=self.context.path, opaque=unnamed or bool(keywords))
        self.infos[qualified] = info
        self.facts.classes.append(info)
        fields: List[cst.AnnAssign] = []
        if isinstance(node.body, cst.IndentedBlock):
            for statement in node.body.body:
                if not isinstance(statement, cst.SimpleStatementLine):
                    continue
                for small in statement.body:
                    if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                        self._class_annotation(info, small)
                        fields.append(small)
                        info.attrs.add(small.target.value)
                    elif isinstance(small, cst.Assign):
                        info.attrs.update(t.target.value for t in small.targets if isinstance(t.target, cst.Name))
                    value = small.value if isinstance(small, (cst.Assign, cst.AnnAssign)) else None
                    if isinstance(value, cst.Call) and self._resolve_call(value.func) in WEAK_CONTAINERS:
                        # `_instances: ClassVar[WeakSet[Cluster]] = weakref.WeakSet()`, then
                        # `self._instances.add(self)` in `__init__`: a weak store, no cycle.
                        targets = [small.target] if isinstance(small, cst.AnnAssign) else [t.target for t in small.targets]
                        info.weak_attrs.update(t.value for t in targets if isinstance(t, cst.Name))
        if fields and self._is_dataclass(node):
            self._dataclass_init(node, qualified, fields)

    def _factory_methods(self, functions: Sequence[cst.FunctionDef]) -> None:
        """Methods that return a new object of a known class: `def make_link(self, host) ->
        HookedDeviceLink`, `def status_printer(...): return TqdmHBox(...)`. `self.link =
        self.make_link(host)` then holds that class, as `self.link = HookedDeviceLink(host)` would."""
        for function in functions:
            owner = self._class_owner(function)
            cls = self.class_names.get(id(owner)) if owner is not None else None
            if cls is None or function.name.value.startswith("__"):
                continue
            found: List[str] = []
            if function.returns is not None:
                found = self._annotation_types(function.returns.annotation, function)
            else:
                for node in self.scope_nodes.get(id(function), ()):
                    if type(node) is cst.Return and isinstance(node.value, cst.Call):  # type: ignore[attr-defined]
                        called = self._resolve_call(node.value.func)  # type: ignore[attr-defined]
                        if called is not None and not called.startswith("builtins.") and called not in WEAK_FUNCTIONS:
                            found.append(called)
            if found:
                self.factories[(cls, function.name.value)] = found

    def _factory_types(self, func: cst.BaseExpression, scope: _Scope) -> List[str]:
        """What ``self.m(...)`` (or ``cls.m(...)``) returns when ``m`` is a factory method of the
        scope's class or a base in this file."""
        if (not self.factories or scope.cls is None or not isinstance(func, cst.Attribute)
                or not isinstance(func.value, cst.Name)):
            return []
        receiver = func.value.value
        if receiver != scope.self_name and receiver != "cls" and scope.cls.rsplit(".", 1)[-1] != receiver:
            return []
        for owner in self._class_and_file_bases(scope.cls):
            found = self.factories.get((owner, func.attr.value))
            if found:
                return found
        return []

    def _class_and_file_bases(self, cls: str) -> Iterator[str]:
        """``cls`` and its bases defined in this file, each once."""
        owners, seen = [cls], {cls}
        while owners:
            owner = owners.pop()
            yield owner
            info = self.infos.get(owner)
            for base in info.bases if info is not None else ():
                if base in self.infos and base not in seen:
                    seen.add(base)
                    owners.append(base)

    def _is_dataclass(self, node: cst.ClassDef) -> bool:
        for decorator in node.decorators:
            target = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
            resolved = self._resolve(target, node) or ""
            if resolved.split(".", 1)[0] in ("dataclasses", "attr", "attrs", "pydantic") and resolved.rsplit(".", 1)[-1] in (
                    "dataclass", "s", "attrs", "define", "frozen", "mutable"):
                return True
        return False

    def _dataclass_init(self, node: cst.ClassDef, qualified: str, fields: List[cst.AnnAssign]) -> None:
        """The ``__init__`` a dataclass (or attrs class) gets: it stores each field's argument."""
        if isinstance(node.body, cst.IndentedBlock) and any(
                isinstance(s, cst.FunctionDef) and s.name.value == "__init__" for s in node.body.body):
            return
        names: List[str] = []
        holds: List[List[Any]] = []
        for field_node in fields:
            head = dotted_name(field_node.annotation.annotation.value) if isinstance(
                field_node.annotation.annotation, cst.Subscript) else dotted_name(field_node.annotation.annotation)
            if head and head.rsplit(".", 1)[-1] in ("ClassVar", "InitVar"):
                continue
            value = field_node.value
            if isinstance(value, cst.Call) and any(
                    a.keyword is not None and a.keyword.value == "init" and isinstance(a.value, cst.Name)
                    and a.value.value == "False" for a in value.args):
                continue
            name = field_node.target.value  # type: ignore[union-attr]
            location = self._location(field_node)
            names.append(name)
            holds.append(["self", name, name, "ref", location.line, location.column, self._text(field_node), [], False])
        if not names:
            return
        # Inherited fields come first in the real signature: with bases, only keywords are sure.
        positional = not node.bases
        self.facts.summaries.append({
            "name": f"{qualified}.__init__", "cls": qualified, "self": "self", "kind": "init",
            "params": ["self", *names] if positional else ["self"], "kwonly": [] if positional else names,
            "holds": holds, "calls": [], "returns": [], "breaks": [], "allocations": [], "roots": [], "types": {},
            "line": self._location(node).line,
        })
        self.infos[qualified].methods.add("__init__")

    def _class_annotation(self, info: ClassInfo, node: cst.AnnAssign) -> None:
        attr = node.target.value  # type: ignore[union-attr]
        for target in self._annotation_types(node.annotation.annotation, node):
            self._edge(info.name, attr, target, False, PARAM, node)

    # -- names and types ------------------------------------------------------------------------

    def _resolve_call(self, func: cst.BaseExpression) -> Optional[str]:
        """What a call's callee means, for callees that may be classes or weakref helpers only.

        Resolving a name inside a function collects that function's bindings; by convention a
        class is CapWords, so lowercase callees (other than weakref's) are not worth it.
        """
        last = last_name(func) or ""
        if not last or not (last[0].isupper() or last.lstrip("_") in _WEAK_LAST or (last[0] == "_" and last[1:2].isupper())):
            return None
        nested = self._nested_class(func)
        return nested if nested is not None else self._resolve(func, func)

    def _nested_class(self, func: cst.BaseExpression) -> Optional[str]:
        """``self.Worker(...)`` in a method, where ``Worker`` is a class defined in the body of the
        method's class or of a base in this module (PyAPNs' ``self.ErrorResponseHandlerWorker``,
        PySAL's ``self._ByRow(self)``): that nested class."""
        scope = self.current_scope
        if (scope is None or scope.cls is None or not isinstance(func, cst.Attribute)
                or not isinstance(func.value, cst.Name) or func.value.value != scope.self_name):
            return None
        for owner in self._class_and_file_bases(scope.cls):
            if f"{owner}.{func.attr.value}" in self.infos:
                return f"{owner}.{func.attr.value}"
        return None

    def _abstract_metaclass(self, keyword: cst.Arg) -> bool:
        return (
            keyword.keyword is not None and keyword.keyword.value == "metaclass"
            and self._resolve(keyword.value, keyword.value) == "abc.ABCMeta"
        )

    def _resolve(self, expr: cst.BaseExpression, at: cst.CSTNode) -> Optional[str]:
        dotted = dotted_name(expr)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        resolved = self.context.resolve_name(head, at)
        if resolved is None:
            return None
        return f"{resolved}.{rest}" if rest else resolved

    def _annotation_types(self, expr: cst.BaseExpression, at: cst.CSTNode, depth: int = 0) -> List[str]:
        if depth > 8:
            return []
        if isinstance(expr, (cst.SimpleString, cst.ConcatenatedString)):
            value = expr.evaluated_value
            if not isinstance(value, str):
                return []
            try:
                parsed = cst.parse_expression(value.strip())
            except Exception:  # noqa: BLE001 - a string annotation that is not an expression
                return []
            return self._annotation_types(parsed, at, depth + 1)
        if isinstance(expr, (cst.Name, cst.Attribute)):
            resolved = self._resolve(expr, at)
            if resolved is None or resolved.startswith(("builtins.", "typing.", "collections.")):
                return []
            return [resolved]
        if isinstance(expr, cst.Subscript):
            head = self._resolve(expr.value, at)
            if head in _NOT_HELD:
                return []
            if head is not None and not head.startswith(_CONTAINER_MODULES):
                # A generic of the project's own (`Signal[Params]`): its type argument says what it
                # is about, not what it holds. The generic itself is held.
                return [head]
            found: List[str] = []
            elements = expr.slice
            if head in ("typing.Annotated", "typing_extensions.Annotated"):
                elements = elements[:1]
            for element in elements:
                if isinstance(element.slice, cst.Index):
                    found.extend(self._annotation_types(element.slice.value, at, depth + 1))
            return found
        if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.BitOr):
            return self._annotation_types(expr.left, at, depth + 1) + self._annotation_types(expr.right, at, depth + 1)
        return []

    def _value_types(self, expr: cst.BaseExpression, scope: _Scope, depth: int = 0) -> Tuple[List[str], bool, str]:
        """(class candidates, weak, kind) for a stored value."""
        if depth > 6:
            return [], False, OWNED
        if isinstance(expr, cst.Call):
            called = self._resolve_call(expr.func)
            if called in WEAK_FUNCTIONS:
                return [], True, OWNED
            if called is None:
                return list(self._factory_types(expr.func, scope)), False, OWNED
            if called.startswith("builtins.") or called in WEAK_CONTAINERS:
                return [], False, OWNED
            return [called], False, OWNED
        if isinstance(expr, cst.Name):
            if scope.self_name is not None and expr.value == scope.self_name and scope.cls is not None:
                return [scope.cls], False, BACKREF
            types = scope.types.get(expr.value)
            if types:
                return sorted(types), False, PARAM if expr.value in scope.param_names else STORE
            return [], False, STORE
        if isinstance(expr, (cst.List, cst.Tuple, cst.Set)):
            found: List[str] = []
            kind = OWNED
            for element in expr.elements:
                types, _, element_kind = self._value_types(element.value, scope, depth + 1)
                found.extend(types)
                if types and _KIND_RANK[element_kind] < _KIND_RANK[kind]:
                    kind = element_kind
            return found, False, kind
        if isinstance(expr, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            # `[Grid(self, i) for i in range(n)]`: the container holds what each element is
            types, _, kind = self._value_types(expr.elt, scope, depth + 1)
            return types, False, kind
        if isinstance(expr, cst.DictComp):
            types, _, kind = self._value_types(expr.value, scope, depth + 1)
            return types, False, kind
        if isinstance(expr, cst.IfExp):
            body = self._value_types(expr.body, scope, depth + 1)
            orelse = self._value_types(expr.orelse, scope, depth + 1)
            return body[0] + orelse[0], body[1] and orelse[1], body[2] if body[0] else orelse[2]
        if isinstance(expr, cst.BooleanOperation):
            right = self._value_types(expr.right, scope, depth + 1)
            left = self._value_types(expr.left, scope, depth + 1)
            return left[0] + right[0], False, right[2] if right[0] else left[2]
        return [], False, OWNED

    # -- functions and scopes ---------------------------------------------------------------------

    def _function(self, node: cst.FunctionDef) -> None:
        owner = self._class_owner(node)
        cls = self.class_names.get(id(owner)) if owner is not None else None
        decorators = {dotted_name(d.decorator) for d in node.decorators}
        if node.name.value in IMPLICIT_CLASSMETHODS:
            decorators.add("classmethod")
        params = [*node.params.posonly_params, *node.params.params]
        self_name = None
        if cls is not None and params and not decorators & {"staticmethod", "classmethod"}:
            self_name = params[0].name.value
        scope = _Scope(node, cls, self_name, decorators=tuple(d for d in decorators if d))
        for param in (*params, *node.params.kwonly_params):
            scope.param_names.add(param.name.value)
            if param.annotation is not None:
                types = self._annotation_types(param.annotation.annotation, param)
                if types:
                    scope.types.setdefault(param.name.value, set()).update(types)
        if node.returns is not None:
            # `def get_store(cls) -> "Store"`: what a call of it gives (summaries' RETURN key)
            types = self._annotation_types(node.returns.annotation, node)
            if types:
                scope.types.setdefault(RETURN, set()).update(types)
        if cls is not None and self_name is not None:
            info = self.infos[cls]
            name = node.name.value
            if not _is_property(node):
                # `self.submission` read through a property is the value it returns, not a bound
                # method: handing it on keeps that value, and `WeakMethod` of it would raise.
                info.methods.add(name)
            if name == "__del__":
                info.del_location = self._location(node)
                info.del_warns_only = warns_only(node) or _only_for_sync_twin(node, owner)
                info.del_closes = _calls_own_release(node, self_name)
            elif name == "__init__":
                info.init_params = tuple(p.name.value for p in params[1:])
            setter = next(
                (d.decorator for d in node.decorators
                 if isinstance(d.decorator, cst.Attribute) and d.decorator.attr.value == "setter"),
                None,
            )
            if setter is not None and len(params) >= 2:
                self._property_setter(info, name, params[1].name.value, node, self_name)
        self._scope(scope)

    def _property_setter(self, info: ClassInfo, name: str, value: str, node: cst.FunctionDef, self_name: str) -> None:
        weak = strong = False
        for inner in walk_scope(node):
            if isinstance(inner, cst.Assign) and any(_is_attr_of(t.target, self_name) for t in inner.targets):
                if isinstance(inner.value, cst.Name) and inner.value.value == value:
                    strong = True
                elif self._weak_value(inner.value):
                    weak = True
        if weak and not strong:
            info.weak_properties.add(name)
        elif strong:
            info.strong_properties.add(name)

    def _narrowed(self, name: str, node: cst.CSTNode, scope: _Scope) -> List[str]:
        """The classes ``name`` has inside ``if isinstance(name, C):`` around ``node`` (the
        branch's test narrows a parameter annotated with a base class to that subclass)."""
        kinds = isinstance_classes(name, node, self.context.ancestors) or []
        found = [self._resolve(kind, node) for kind in kinds]
        return [f for f in found if f]

    def _narrowed_to_weak(self, name: str, node: cst.CSTNode) -> bool:
        """``if isinstance(sender, weakref.ReferenceType): self._sender = sender`` stores a weak
        reference the caller made: the value in that arm is the reference, not the object."""
        kinds = isinstance_classes(name, node, self.context.ancestors)
        return bool(kinds) and all(self._resolve(kind, node) in _WEAK_REFERENCE_TYPES for kind in kinds)  # type: ignore[union-attr]

    def _weak_value(self, value: cst.BaseExpression) -> bool:
        """``weakref.ref(v)``, also ``None if v is None else weakref.ref(v)`` (either arm weak, the
        other None)."""
        if isinstance(value, cst.Call):
            return self._resolve_call(value.func) in WEAK_FUNCTIONS
        if isinstance(value, cst.IfExp):
            arms = (value.body, value.orelse)
            none = [a for a in arms if isinstance(a, cst.Name) and a.value == "None"]
            return len(none) == 1 and any(self._weak_value(a) for a in arms if a not in none)
        return False

    def _scope(self, scope: _Scope) -> None:
        self.current_scope = scope
        nodes = self.scope_nodes.get(id(scope.node)) or list(walk_scope(scope.node))
        if scope.self_name is not None and scope.cls is not None and isinstance(scope.node, cst.FunctionDef):
            info = self.infos.get(scope.cls)
            if info is not None:
                self._released_attrs(info, nodes, scope.self_name, releases(scope.node.name.value))
        # One filtering pass (most nodes are neither): the two passes below see only these.
        relevant = [node for node in nodes if type(node) in _SUMMARY_TYPES]
        if self.dead:
            relevant = [node for node in relevant if id(node) not in self.dead]
        if not relevant:
            return
        self._infer_locals(scope, relevant)
        stores: List[Tuple[Dict[int, bool], LocalStore]] = []
        displays: Dict[str, List[str]] = {}  # `files = [f]`: the names a local list is made with
        read: Set[str] = set()  # locals read out of `self` (`item = self._items[key]`), so held by it
        for node in relevant:
            kind = type(node)
            if kind is cst.Call:
                self._call(scope, node, stores)  # type: ignore[arg-type]
            elif kind is cst.Assign or kind is cst.AnnAssign:
                self._assignment(scope, node, stores)
                if kind is cst.Assign and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name) \
                        and isinstance(node.value, _HELD_DISPLAYS):  # type: ignore[attr-defined]
                    displays[node.targets[0].target.value] = _display_names(node.value)  # type: ignore[attr-defined]
            elif kind is cst.For:
                self._loop_over_own(scope, node, stores)  # type: ignore[arg-type]
            if kind is cst.Assign and scope.self_name is not None:
                self._read_out_of_self(scope, node, stores, read)  # type: ignore[arg-type]
        if scope.plain:
            self._through_local_containers(stores, scope.plain, {k: v for k, v in displays.items() if v})
        self._pairs(scope, stores)
        summary = self._summaries().build(
            self._scope_name(scope), scope.node, relevant, scope.cls, scope.self_name, scope.types, scope.decorators,
            self._module_globals(), scope.plain,
        )
        if summary is not None:
            self.facts.summaries.append(summary)

    def _released_attrs(self, info: ClassInfo, nodes: Sequence[cst.CSTNode], self_name: str, releasing: bool) -> None:
        """What a method (with its lambdas and nested functions: `atexit.register(lambda:
        self.sock.close())`) releases or hands on of `self`."""
        pending = [nodes]
        while pending:
            members = pending.pop()
            if scan_method(self.context.parent, members, self_name, releasing, info.released):
                info.opaque = True
            for node in members[1:]:
                if type(node) in (cst.Lambda, cst.FunctionDef):
                    inner = self.scope_nodes.get(id(node))
                    if inner:
                        pending.append(inner)

    def _summaries(self) -> SummaryBuilder:
        # Made per scope and never stored on the collector: its callbacks hold the collector.
        scope = self.current_scope
        return SummaryBuilder(
            self._module_resolve, self._location, self._text,
            lambda node: self._branches(node, scope),  # type: ignore[arg-type]
            self.context.ancestors,
        )

    def _module_globals(self) -> Set[str]:
        """Names the module binds to values (not imports, classes or functions)."""
        if self.globals is None:
            defined = {s.name.value for s in self.context.module.body if isinstance(s, (cst.ClassDef, cst.FunctionDef))}
            self.globals = {
                name for name, target in self.context.module_bindings.names.items()
                if target == LOCAL and name not in defined
            }
        return self.globals

    def _module_resolve(self, expr: cst.BaseExpression) -> Optional[str]:
        """What a callee means by the module's bindings alone (imports, classes, functions).

        The summaries resolve many callees; a function's own bindings would cost a walk of each
        function, and a local that shadows a module name is rare in a callee position.
        """
        dotted = dotted_name(expr)
        if dotted is None:
            return None
        head, _, rest = dotted.partition(".")
        context = self.context
        target = context.module_bindings.names.get(head)
        if target is None:
            return None  # a builtin or a local
        if target == LOCAL and rest and not head[:1].isupper():
            return None  # `logger.debug(...)`: a method of a module-level object, not followed
        resolved = f"{context.module_name}.{head}" if target == LOCAL else target
        return f"{resolved}.{rest}" if rest else resolved

    def _scope_name(self, scope: _Scope) -> str:
        node = scope.node
        module = self.context.module_name
        if not isinstance(node, cst.FunctionDef):
            return module
        if scope.cls is not None and self._class_owner(node) is not None:
            return f"{scope.cls}.{node.name.value}"
        if self.context.enclosing_scope(node) is None and self._class_owner(node) is None:
            return f"{module}.{node.name.value}"
        return f"{module}.<locals>.{node.name.value}@{self._location(node).line}"

    def _infer_locals(self, scope: _Scope, nodes: Sequence[cst.CSTNode]) -> None:
        for node in nodes:
            if type(node) is cst.Call:
                continue
            if isinstance(node, cst.Assign) and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name):
                name = node.targets[0].target.value
                if name == scope.self_name or name in scope.param_names:
                    continue
                if isinstance(node.value, _PLAIN_DISPLAYS):
                    scope.plain.add(name)
                if isinstance(node.value, cst.Call):
                    called = self._resolve_call(node.value.func)
                    if called and not called.startswith("builtins.") and called not in WEAK_FUNCTIONS:
                        scope.types.setdefault(name, set()).add(called)
                    elif called is None:
                        made = self._factory_types(node.value.func, scope)
                        if made:
                            scope.types.setdefault(name, set()).update(made)
            elif isinstance(node, cst.AnnAssign) and isinstance(node.target, cst.Name):
                types = self._annotation_types(node.annotation.annotation, node)
                if types:
                    scope.types.setdefault(node.target.value, set()).update(types)

    def _edge(self, source: str, attr: str, target: str, weak: bool, kind: str, node: cst.CSTNode,
              via_property: bool = False) -> None:
        self.facts.edges.append(
            Edge(source, attr, target, weak, kind, self._location(node),
                 self._text(node), via_property)
        )

    def _holder(self, scope: _Scope, expr: cst.BaseExpression) -> Tuple[List[str], Optional[str], bool]:
        """For a store into ``expr``: (classes of the holding object, attribute, holder is self).

        ``self.x`` -> ([cls], "x", True); ``child.parent`` -> (types of child, "parent", False).
        """
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
            owner = expr.value.value
            if scope.self_name is not None and owner == scope.self_name and scope.cls is not None:
                return [scope.cls], expr.attr.value, True
            return sorted(scope.types.get(owner, ())), expr.attr.value, False
        return [], None, False

    def _store(self, scope: _Scope, target: cst.BaseExpression, value: cst.BaseExpression, node: cst.CSTNode,
               stores: List[Tuple[Dict[int, bool], LocalStore]], extra_types: Sequence[str] = (), container: bool = False) -> None:
        holders, attr, on_self = self._holder(scope, target)
        if on_self and attr is not None and holders and holders[0] in self.infos:
            self.infos[holders[0]].attrs.add(attr)
            # Not an empty `bytearray()`: a buffer that starts empty holds what is fed into it,
            # often a few bytes taken out again, not bulk data known from the value.
            if not container and isinstance(value, cst.Call) and value.args and self._makes_array(value.func):
                self.infos[holders[0]].array_attrs.add(attr)
        if not on_self and holders and isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            holders = self._narrowed(target.value.value, node, scope) or holders
        if attr is not None and not container and isinstance(value, cst.Call) and is_weak_call(
                value, self._resolve_call(value.func)):
            self.weak_attr_names.add(attr)
        if attr is not None and holders:
            types, weak, kind = self._value_types(value, scope)
            given_weak = isinstance(value, cst.Name) and self._narrowed_to_weak(value.value, node)
            weak = weak or given_weak
            if container and not on_self:
                kind = STORE if kind == OWNED else kind
            elif not on_self:
                kind = BACKREF if kind == BACKREF else STORE
            if on_self and isinstance(value, cst.Call) and holders[0] in self.infos \
                    and self._resolve_call(value.func) in WEAK_CONTAINERS:
                self.infos[holders[0]].weak_attrs.add(attr)
            for holder in holders:
                for target_class in [*types, *extra_types]:
                    self._edge(holder, attr, target_class, weak, kind, node,
                               via_property=not on_self and not container)
            if on_self and scope.cls in self.infos and isinstance(scope.node, cst.FunctionDef) \
                    and scope.node.name.value == "__init__":
                self._init_store(self.infos[scope.cls], attr, value, node, given_weak)
        # local pairs: `a.x = b`, `a.x[k] = b`, `a.x.append(b)`
        holder_name = _root_name(target)
        if isinstance(value, cst.Name) and holder_name is not None and holder_name != value.value:
            holder_types = tuple(sorted(scope.types.get(holder_name, ())))
            if holder_name == scope.self_name and scope.cls is not None:
                holder_types = (scope.cls,)
            stores.append((self._branches(node, scope), LocalStore(
                holder_name, value.value, holder_types,
                target.attr.value if isinstance(target, cst.Attribute) else None,
                isinstance(target, cst.Attribute) and not container,
                self._location(node), self._text(node), value.value in scope.plain,
            )))
        elif holder_name is not None and holder_name != scope.self_name:
            # `f.__fspath__ = self.__fspath__`: the bound method holds `self` (the store `self.f
            # = f` or `self.files = [f]` that makes the pair is found apart, like any other).
            bound = self._bound_method_of_self(scope, value)
            if bound:
                holder_types = tuple(sorted(scope.types.get(holder_name, ())))
                stores.append((self._branches(node, scope), LocalStore(
                    holder_name, bound, holder_types, target.attr.value if isinstance(target, cst.Attribute) else None,
                    isinstance(target, cst.Attribute) and not container, self._location(node), self._text(node),
                )))
        if holder_name is not None and not container and isinstance(target, cst.Attribute) \
                and isinstance(value, _HELD_DISPLAYS):
            # `self.children = [child]`: the list the attribute holds keeps `child`.
            holder_types = (scope.cls,) if holder_name == scope.self_name and scope.cls else tuple(
                sorted(scope.types.get(holder_name, ())))
            for held in _display_names(value):
                if held != holder_name:
                    stores.append((self._branches(node, scope), LocalStore(
                        holder_name, held, holder_types, target.attr.value, False,
                        self._location(node), self._text(node),
                    )))

    def _makes_array(self, func: cst.BaseExpression) -> bool:
        """``np.asarray``, ``numpy.zeros``, ``torch.empty``, ``bytearray``: a call that makes an
        array or a buffer, whose size is the data's."""
        if isinstance(func, cst.Name) and func.value == "bytearray":
            return self.context.module_bindings.names.get("bytearray") is None
        called = self._module_resolve(func) or ""
        return called.startswith(_ARRAY_MODULES)

    def _bound_method_of_self(self, scope: _Scope, value: cst.BaseExpression) -> Optional[str]:
        """``self`` when ``value`` is ``self.method`` for a method the class's own body defines."""
        if scope.self_name is None or scope.cls is None or not _is_attr_of(value, scope.self_name):
            return None
        assert isinstance(value, cst.Attribute)
        methods = self.own_methods.get(scope.cls)
        if methods is None:
            owner = self._class_owner(scope.node)
            body = owner.body.body if owner is not None and isinstance(owner.body, cst.IndentedBlock) else ()
            methods = {
                m.name.value for m in body
                if isinstance(m, cst.FunctionDef) and not _is_property(m)
                and not any(dotted_name(d.decorator) in ("staticmethod", "classmethod") for d in m.decorators)
            }
            self.own_methods[scope.cls] = methods
        return scope.self_name if value.attr.value in methods else None

    def _loop_over_own(self, scope: _Scope, node: cst.For, stores: List[Tuple[Dict[int, bool], LocalStore]]) -> None:
        """``for child in self.children:`` (or ``self.children.values()``): ``self`` holds
        ``child`` through that container, as if the loop's body were handed it by ``self``."""
        if scope.self_name is None or scope.cls is None or not isinstance(node.target, cst.Name):
            return
        held = node.iter
        if isinstance(held, cst.Call) and not held.args and isinstance(held.func, cst.Attribute) \
                and held.func.attr.value == "values":
            held = held.func.value
        if not _is_attr_of(held, scope.self_name):
            return
        assert isinstance(held, cst.Attribute)
        stores.append((self._branches(node, scope), LocalStore(
            scope.self_name, node.target.value, (scope.cls,), held.attr.value, False, self._location(node),
            _short(f"for {node.target.value} in {self.context.code(node.iter)}"),
        )))

    def _read_out_of_self(self, scope: _Scope, node: cst.Assign, stores: List[Tuple[Dict[int, bool], LocalStore]],
                          read: Set[str]) -> None:
        """``item = self._items[key]``, ``item = self[key]``, ``sequence = item.value``: the local
        names an object ``self`` holds (an attribute, an item of its container, or one of theirs,
        read in this function), recorded as a store of ``self`` into that attribute."""
        if len(node.targets) != 1 or not isinstance(node.targets[0].target, cst.Name):
            return
        name = node.targets[0].target.value
        path = _read_path(node.value)
        root, attr = path if path is not None else (None, None)
        if path is None or name == scope.self_name or (root != scope.self_name and root not in read):
            if name in read:
                # Rebound to something else (`value = value.copy()`): no longer what `self` holds.
                read.discard(name)
                stores[:] = [entry for entry in stores if not (entry[1].value == name and entry[1].text.startswith(
                    f"{name} =") and entry[1].holder == scope.self_name)]
            return
        if root == scope.self_name and attr is None and not isinstance(node.value, cst.Subscript):
            return  # `other = self`: an alias, not something it holds
        if attr is not None and attr.startswith("__") and attr.endswith("__"):
            return  # `cls = self.__class__`, `self.__dict__`: the class or namespace, not a member
        read.add(name)
        assert scope.self_name is not None and scope.cls is not None
        stores.append((self._branches(node, scope), LocalStore(
            scope.self_name, name, (scope.cls,), attr, False, self._location(node), self._text(node),
        )))

    @staticmethod
    def _through_local_containers(stores: List[Tuple[Dict[int, bool], LocalStore]], plain: Set[str],
                                  displays: Dict[str, List[str]]) -> None:
        """``files = [f]; files.append(g); self.files = files``: ``self`` holds ``f`` and ``g``
        through the local list it keeps (a store of each, at the line that keeps the list)."""
        contents: Dict[str, List[str]] = {name: list(names) for name, names in displays.items()}
        for _, store in stores:
            if store.attr is None and store.holder in plain:
                contents.setdefault(store.holder, []).append(store.value)
        if not contents:
            return
        count = len(stores)
        for branches, store in stores[:count]:
            for held in contents.get(store.value, ()) if store.holder not in contents else ():
                if held != store.holder:
                    stores.append((branches, LocalStore(
                        store.holder, held, store.holder_types, store.attr, False, store.location, store.text,
                    )))
        if len(stores) > count:
            # In the order of the code, so that a pair is reported at its later store, as others are.
            stores.sort(key=lambda entry: (entry[1].location.line, entry[1].location.column))

    def _branches(self, node: cst.CSTNode, scope: _Scope) -> Dict[int, bool]:
        """For each enclosing ``if`` (up to the scope): is ``node`` in its body (True) or else (False)?"""
        found: Dict[int, bool] = {}
        child = node
        for ancestor in self.context.ancestors(node):
            if ancestor is scope.node:
                break
            if isinstance(ancestor, cst.If):
                found[id(ancestor)] = child is ancestor.body
            child = ancestor
        return found

    def _init_store(self, info: ClassInfo, attr: str, value: cst.BaseExpression, node: cst.CSTNode,
                    given_weak: bool) -> None:
        """``given_weak``: the parameter stored is already a weak reference (``_narrowed_to_weak``)."""
        weak = given_weak
        if isinstance(value, cst.Call) and value.args and self._resolve_call(value.func) in WEAK_FUNCTIONS:
            value, weak = value.args[0].value, True
        if isinstance(value, cst.Name) and value.value in info.init_params:
            info.init_stores.append(
                InitStore(value.value, attr, weak, self._location(node), self._text(node))
            )

    def _assignment(self, scope: _Scope, node: cst.CSTNode, stores: List[Tuple[Dict[int, bool], LocalStore]]) -> None:
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
            value = node.value
            extra: List[str] = []
        else:
            assert isinstance(node, cst.AnnAssign)
            targets = [node.target]
            value = node.value  # type: ignore[assignment]
            extra = self._annotation_types(node.annotation.annotation, node) if isinstance(node.target, cst.Attribute) else []
            if value is None:
                holders, attr, on_self = self._holder(scope, node.target)
                if on_self and attr is not None and holders and holders[0] in self.infos:
                    self.infos[holders[0]].attrs.add(attr)
                for holder in holders if on_self else ():
                    for target_class in extra:
                        self._edge(holder, attr or "", target_class, False, PARAM, node)
                return
        for target in targets:
            if isinstance(target, cst.Subscript) and is_slice(target):
                continue  # `a[:] = b` copies b's items
            if isinstance(target, cst.Attribute):
                self._store(scope, target, value, node, stores, extra)
            elif isinstance(target, cst.Subscript) and isinstance(target.value, cst.Attribute):
                self._store(scope, target.value, value, node, stores, container=True)
            elif isinstance(target, cst.Subscript):
                self._local_container_store(target.value, value, node, stores, scope)
        named = next((t for t in targets if isinstance(t, cst.Name)), None)
        if named is not None and len(targets) > 1 and not isinstance(value, cst.Name):
            # `info = instance.__dict__["info"] = DataInfo()`: the other targets hold `info` too.
            for target in targets:
                container = isinstance(target, cst.Subscript) and not is_slice(target)
                held = target.value if container else target
                holder_name = _root_name(held) if isinstance(held, cst.Attribute) else None
                if holder_name is None or holder_name == named.value:
                    continue
                holder_types = tuple(sorted(scope.types.get(holder_name, ())))
                if holder_name == scope.self_name and scope.cls is not None:
                    holder_types = (scope.cls,)
                stores.append((self._branches(node, scope), LocalStore(
                    holder_name, named.value, holder_types, held.attr.value, not container,
                    self._location(node), self._text(node), named.value in scope.plain,
                )))

    def _local_container_store(self, holder: cst.BaseExpression, value: cst.BaseExpression, node: cst.CSTNode,
                               stores: List[Tuple[Dict[int, bool], LocalStore]], scope: _Scope) -> None:
        if isinstance(holder, cst.Name) and isinstance(value, cst.Name) and holder.value != value.value:
            stores.append((self._branches(node, scope), LocalStore(
                holder.value, value.value, tuple(sorted(scope.types.get(holder.value, ()))), None, False,
                self._location(node), self._text(node), value.value in scope.plain,
            )))

    def _call(self, scope: _Scope, node: cst.Call, stores: List[Tuple[Dict[int, bool], LocalStore]]) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in _ADDERS:
            index = _ADDERS[func.attr.value]
            positional = [a for a in node.args if a.keyword is None and not a.star]
            if len(positional) > index:
                value = positional[index].value
                if isinstance(func.value, cst.Attribute):
                    self._store(scope, func.value, value, node, stores, container=True)
                else:
                    self._local_container_store(func.value, value, node, stores, scope)
        if scope.self_name is None or scope.cls is None:
            return
        positions = tuple(
            i for i, a in enumerate(node.args)
            if a.keyword is None and not a.star and isinstance(a.value, cst.Name) and a.value.value == scope.self_name
        )
        keywords = tuple(
            a.keyword.value for a in node.args
            if a.keyword is not None and isinstance(a.value, cst.Name) and a.value.value == scope.self_name
        )
        if positions or keywords:
            called = self._resolve_call(func)
            if called and not called.startswith("builtins."):
                self.facts.ctor_calls.append(CtorCall(
                    scope.cls, called, positions, keywords, self._location(node), self._text(node)
                ))

    def _pairs(self, scope: _Scope, stores: List[Tuple[Dict[int, bool], LocalStore]]) -> None:
        seen: Dict[Tuple[str, str], List[Tuple[Dict[int, bool], LocalStore]]] = {}
        reported: Set[Tuple[str, ...]] = set()
        for branches, store in stores:
            key = tuple(sorted((store.holder, store.value)))
            if key not in reported:
                for back_branches, back in seen.get((store.value, store.holder), ()):
                    if _exclusive(branches, back_branches):
                        continue  # `if`/`else`: never both on one run
                    reported.add(key)
                    self.facts.local_pairs.append(LocalPair(back, store))
                    break
            seen.setdefault((store.holder, store.value), []).append((branches, store))


def _dead_nodes(module: cst.Module, statements: Sequence[cst.CSTNode]) -> Set[int]:
    """Nodes in the arm of an ``if`` that never runs (``if _IS_SYNC:`` after ``_IS_SYNC = False``,
    ``else:`` after ``if True:``): generated sync/async twins keep both arms in each file."""
    constants = module_bool_constants(module)
    dead: Set[int] = set()
    for statement in statements:
        if type(statement) is not cst.If:
            continue
        runs = branch_value(statement.test, constants)  # type: ignore[attr-defined]
        if runs is None:
            continue
        arm = statement.orelse if runs else statement.body  # type: ignore[attr-defined]
        if arm is not None:
            dead.update(id(node) for node in walk(arm))
    return dead


def is_slice(node: cst.Subscript) -> bool:
    return any(isinstance(element.slice, cst.Slice) for element in node.slice)


def is_weak_call(call: cst.Call, resolved: Optional[str]) -> bool:
    """``weakref.ref(x)``, ``proxy(x)``; also a bare ``proxy``/``_proxy`` that is a local alias
    (``def f(self, proxy=_proxy)``, the pure-Python OrderedDict's idiom)."""
    if resolved in WEAK_FUNCTIONS:
        return True
    return resolved is None and isinstance(call.func, cst.Name) and call.func.value.lstrip("_") in ("proxy", "ref")


def _exclusive(first: Dict[int, bool], second: Dict[int, bool]) -> bool:
    return any(key in second and second[key] != value for key, value in first.items())


_PROPERTY_DECORATORS = frozenset({"property", "cached_property", "setter", "getter", "deleter"})


def _is_property(function: cst.FunctionDef) -> bool:
    """Decorated as a property (`@property`, `@functools.cached_property`, `@x.setter`)."""
    return any(decorator_name(d) in _PROPERTY_DECORATORS for d in function.decorators)


def _is_attr_of(expr: cst.BaseExpression, name: str) -> bool:
    return isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.value.value == name


_HELD_DISPLAYS = (cst.List, cst.Tuple, cst.Set)
_ARRAY_MODULES = ("numpy.", "torch.", "cupy.", "jax.numpy.", "array.array")


def _display_names(display: cst.BaseExpression) -> List[str]:
    """The plain names a list, tuple or set display is made of (``[a, b]`` -> a, b)."""
    elements = getattr(display, "elements", ())
    return [e.value.value for e in elements if isinstance(e, cst.Element) and isinstance(e.value, cst.Name)]


def _read_path(expr: cst.BaseExpression) -> Optional[Tuple[str, Optional[str]]]:
    """(root name, first attribute read of it) for ``a.x``, ``a.x[k]``, ``a[k].y``, ``a.x.get(k)``
    (a read of something ``a`` holds); None for anything else (a call, an operation)."""
    attr: Optional[str] = None
    depth = 0
    while depth < 4:
        if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "get":
            expr = expr.func.value
        elif isinstance(expr, cst.Subscript):
            if is_slice(expr):
                return None  # `a.items[1:]` is a new list
            expr = expr.value
        elif isinstance(expr, cst.Attribute):
            attr = expr.attr.value
            expr = expr.value
        elif isinstance(expr, cst.Name):
            return (expr.value, attr) if depth else None
        else:
            return None
        depth += 1
    return None


def _root_name(expr: cst.BaseExpression) -> Optional[str]:
    """``a`` for ``a``, ``a.x``; None for deeper chains (``a.x.y`` is held by ``a.x``)."""
    if isinstance(expr, cst.Name):
        return expr.value
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
        return expr.value.value
    return None


# -- the project pass -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cycle:
    edges: Tuple[Edge, ...]

    def spelled(self) -> str:
        """``Tree.children -> Node.parent -> Tree`` (short class names)."""
        parts = [f"{_short_class(e.source)}.{e.attr}" for e in self.edges]
        return " -> ".join(parts + [_short_class(self.edges[0].source)])

    @property
    def classes(self) -> List[str]:
        return [e.source for e in self.edges]


def _short_class(name: str) -> str:
    return name.rsplit(".", 1)[-1]


class ClassGraph:
    """Every file's facts merged: resolved strong edges, SCCs, cycles."""

    def __init__(self, facts: Mapping[str, ClassFacts]) -> None:
        self.classes: Dict[str, ClassInfo] = {}
        self.aliases = AliasTable()  # every file's import aliases, stored per module
        raw_edges: List[Edge] = []
        self.local_pairs: List[LocalPair] = []
        ctor_calls: List[Tuple[str, CtorCall]] = []
        # Each file's facts are read once (``facts`` may read them on demand from the results:
        # leaklint.facts.on_demand); its summaries go to a store that keeps them in memory only
        # up to a budget, the rest of its facts are indexed below.
        self.summaries = SummaryStore()  # path -> its function summaries
        kept = {path: _without_summaries(file_facts, self.summaries, path) for path, file_facts in facts.items()}
        rename = renamers({path: file_facts.module for path, file_facts in kept.items()})
        for path, renamer in rename.items():
            self.summaries.rename(path, lambda summary, renamer=renamer: _renamed_summary(summary, renamer))
        self.summaries.finish()
        while kept:
            # Taken out as indexed: a renamed file's original facts go now, not with the rest.
            path = next(iter(kept))
            file_facts = kept.pop(path)
            if path in rename:
                file_facts = _renamed(file_facts, rename[path])
            for info in file_facts.classes:
                info.path = path
                self.classes.setdefault(info.name, info)
            self.aliases.update(file_facts.aliases)
            raw_edges.extend(_with_path(e, path) for e in file_facts.edges)
            self.local_pairs.extend(LocalPair(p.first, p.second, path) for p in file_facts.local_pairs)
            ctor_calls.extend((path, c) for c in file_facts.ctor_calls)
        self._mro_cache: Dict[str, Tuple[str, ...]] = {}
        self._subclass_attrs: Optional[Dict[str, Set[str]]] = None
        self.edges: List[Edge] = []  # resolved, all strengths
        for edge in raw_edges:
            source, target = self.resolve(edge.source), self.resolve(edge.target)
            if source is None or target is None:
                continue
            weak = edge.weak or self._is_weak_attr(source, edge.attr, edge.via_property)
            into_container = not edge.via_property and _OUTSIDE_CONTAINER_STORE.match(edge.text) is not None
            if not edge.text.startswith("self.") and self._not_its_attribute(source, edge.attr, into_container):
                # `client.scripts.add(self)` with `client: Redis`, where only the subclass
                # `Pipeline` has `scripts`: the store reaches a subclass's object, not a `Redis`.
                continue
            self.edges.append(_replace(edge, source, target, weak))
        for path, call in ctor_calls:
            self._ctor_edges(path, call)
        self.adjacency: Dict[str, List[Edge]] = {}
        self._flatten()

    def _not_its_attribute(self, cls: str, attr: str, into_container: bool) -> bool:
        """``cls`` and its bases never set ``attr``, but a subclass of ``cls`` does; or, for a store
        into a container (``obj.items.add(x)``, which needs the container to exist), nothing in
        ``cls``'s own code makes it. Unknown when a base is outside the project."""
        if cls not in self.classes or any(attr in self.classes[c].attrs for c in self.mro(cls) if c in self.classes):
            return False
        if into_container and all(self.resolve(b) in self.classes for c in self.mro(cls) for b in self.classes[c].bases
                                  if b not in ("builtins.object", "object")):
            return True
        if self._subclass_attrs is None:
            self._subclass_attrs = {}
            for name, info in self.classes.items():
                for base in self.mro(name)[1:]:
                    self._subclass_attrs.setdefault(base, set()).update(info.attrs)
        return attr in self._subclass_attrs.get(cls, ())

    def resolve(self, name: Optional[str]) -> Optional[str]:
        for _ in range(8):
            if name is None or name in self.classes:
                return name
            target = self.aliases.get(name)
            if target is None:
                # `pkg.mod.Class.Inner` or an alias of a module: `m.Class` with `import pkg.mod as m`
                head, _, tail = name.rpartition(".")
                if head in self.aliases:
                    target = f"{self.aliases[head]}.{tail}"
                else:
                    return None
            name = target
        return None

    def mro(self, name: str) -> Tuple[str, ...]:
        """``name`` and its resolved bases, transitively (cycles in bad code are cut)."""
        cached = self._mro_cache.get(name)
        if cached is not None:
            return cached
        order: List[str] = []
        stack = [name]
        seen: Set[str] = set()
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            info = self.classes.get(current)
            if info is not None:
                for base in reversed(info.bases):
                    resolved = self.resolve(base)
                    if resolved is not None and resolved not in seen:
                        stack.append(resolved)
        result = tuple(order)
        self._mro_cache[name] = result
        return result

    def _is_weak_attr(self, cls: str, attr: str, via_property: bool) -> bool:
        for name in self.mro(cls):
            info = self.classes.get(name)
            if info is None:
                continue
            if attr in info.weak_attrs or (via_property and attr in info.weak_properties):
                return True
            if via_property and attr in info.strong_properties:
                return False
        return False

    def del_location(self, cls: str) -> Optional[Tuple[str, str, Location]]:
        """(defining class, path, location) of the ``__del__`` instances of ``cls`` run."""
        for name in self.mro(cls):
            info = self.classes.get(name)
            if info is not None and info.del_location is not None:
                return name, info.path, info.del_location
        return None

    def cleanup_del(self, cls: str) -> Optional[Tuple[str, str, Location]]:
        """Like ``del_location``, but only for a ``__del__`` that cleans something up: one that
        only warns or logs is not delayed in any way that matters."""
        for name in self.mro(cls):
            info = self.classes.get(name)
            if info is not None and info.del_location is not None:
                return None if info.del_warns_only else (name, info.path, info.del_location)
        return None

    def _ctor_edges(self, path: str, call: CtorCall) -> None:
        target = self.resolve(call.target)
        caller = self.resolve(call.caller)
        if target is None or caller is None:
            return
        for name in self.mro(target):
            info = self.classes.get(name)
            if info is None or not info.init_params and not info.init_stores:
                continue
            params = set(call.keywords)
            for position in call.positions:
                if position < len(info.init_params):
                    params.add(info.init_params[position])
            for store in info.init_stores:
                if store.param in params:
                    weak = store.weak or self._is_weak_attr(target, store.attr, False)
                    self.edges.append(Edge(target, store.attr, caller, weak, BACKREF, store.location,
                                           store.text, False, info.path))
            return  # the first __init__ found decides

    def _flatten(self) -> None:
        """Strong edges per class, inherited ones included (an instance has its bases' attributes)."""
        own: Dict[str, List[Edge]] = {}
        for edge in self.edges:
            if not edge.weak:
                own.setdefault(edge.source, []).append(edge)
        for name in self.classes:
            collected: List[Edge] = []
            seen: Set[Tuple[str, str]] = set()
            for base in self.mro(name):
                for edge in own.get(base, ()):
                    key = (edge.attr, edge.target)
                    if key in seen:
                        continue
                    seen.add(key)
                    collected.append(edge if base == name else _replace(edge, name, edge.target, False))
            if collected:
                self.adjacency[name] = collected

    # -- strongly connected components --------------------------------------------------------

    def components(self) -> List[List[str]]:
        """Iterative Tarjan over the strong edges: SCCs in reverse topological order."""
        index: Dict[str, int] = {}
        low: Dict[str, int] = {}
        on_stack: Set[str] = set()
        stack: List[str] = []
        result: List[List[str]] = []
        counter = 0
        for root in sorted(self.adjacency):
            if root in index:
                continue
            work: List[Tuple[str, Iterator[Edge]]] = [(root, iter(self.adjacency.get(root, ())))]
            index[root] = low[root] = counter
            counter += 1
            stack.append(root)
            on_stack.add(root)
            while work:
                node, edges = work[-1]
                advanced = False
                for edge in edges:
                    child = edge.target
                    if child not in index:
                        index[child] = low[child] = counter
                        counter += 1
                        stack.append(child)
                        on_stack.add(child)
                        work.append((child, iter(self.adjacency.get(child, ()))))
                        advanced = True
                        break
                    if child in on_stack:
                        low[node] = min(low[node], index[child])
                if advanced:
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    result.append(sorted(component))
        return result

    def cyclic_components(self) -> List[List[str]]:
        """Components that hold a cycle: two or more classes, or one with a strong self-edge."""
        found = []
        for component in self.components():
            if len(component) > 1 or any(e.target == component[0] for e in self.adjacency.get(component[0], ())):
                found.append(component)
        return found

    def shortest_cycle(self, first: Edge, members: Set[str]) -> Optional[Cycle]:
        """The shortest cycle that starts with ``first`` and stays inside ``members`` (BFS)."""
        start, goal = first.target, first.source
        if start == goal:
            return Cycle((first,))
        previous: Dict[str, Edge] = {}
        queue = deque([start])
        visited = {start}
        while queue:
            node = queue.popleft()
            for edge in self.adjacency.get(node, ()):
                if edge.target not in members or edge.target in visited:
                    continue
                previous[edge.target] = edge
                if edge.target == goal:
                    path = [edge]
                    while path[-1].source != start:
                        path.append(previous[path[-1].source])
                    path.reverse()
                    return Cycle((first, *path))
                visited.add(edge.target)
                queue.append(edge.target)
        return None

    def component_cycles(self, component: Sequence[str], limit: int = 10) -> List[Cycle]:
        """A few concrete cycles of the component, each starting at a back-reference.

        Only edges that store a reference handed in (`self.parent = parent`, `child.parent = self`)
        start a cycle: the edge that owns a new object (`self.children.append(Node())`) is not the
        one to make weak. A self-loop inside a larger component (an inherited attribute) is not
        reported on its own.
        """
        members = set(component)
        multi = len(component) > 1
        edges = [
            e for name in component for e in self.adjacency.get(name, ())
            if e.target in members and not (multi and e.target == e.source)
        ]
        edges.sort(key=lambda e: (_KIND_RANK[e.kind], e.path, e.location.line, e.source, e.attr))
        starts = [e for e in edges if e.kind in (BACKREF, PARAM)] or edges[:1]
        covered: Set[Tuple[str, str, str]] = set()
        cycles: List[Cycle] = []
        for edge in starts:
            if (edge.source, edge.attr, edge.target) in covered:
                continue
            cycle = self.shortest_cycle(edge, members)
            if cycle is None:
                continue
            cycles.append(cycle)
            covered.update((e.source, e.attr, e.target) for e in cycle.edges)
            if len(cycles) >= limit:
                break
        return cycles

    def property_class(self, store: LocalStore) -> Optional[str]:
        """The class whose property setter ``holder.attr = value`` goes through, if any."""
        if store.attr is None or not store.via_setattr:
            return None
        for holder in store.holder_types:
            for name in self.mro(self.resolve(holder) or holder):
                info = self.classes.get(name)
                if info is not None and store.attr in info.strong_properties:
                    return name
        return None

    def is_weak_store(self, store: LocalStore) -> bool:
        """``a.attr = b`` through a property whose setter stores a weakref, or into a weak container."""
        if store.attr is None:
            return False
        for holder in store.holder_types:
            resolved = self.resolve(holder)
            if resolved is not None and self._is_weak_attr(resolved, store.attr, store.via_setattr):
                return True
        if not store.holder_types and store.via_setattr:
            # `for column in columns: column.parent_table = self` with the holder's class unknown:
            # weak when the project's only property of that name stores a weak reference.
            weak = any(store.attr in info.weak_properties for info in self.classes.values())
            strong = any(store.attr in info.strong_properties for info in self.classes.values())
            return weak and not strong
        if not store.holder_types:
            # `for child in self.children: child.parents.add(self)` with the holder's class
            # unknown: weak when every class of the project that has that attribute makes it a
            # weak container (`self.parents = weakref.WeakSet()`).
            owners = [info for info in self.classes.values() if store.attr in info.attrs]
            return bool(owners) and all(store.attr in info.weak_attrs for info in owners)
        return False


def _without_summaries(facts: ClassFacts, store: SummaryStore, path: str) -> ClassFacts:
    """``facts`` with its function summaries handed to ``store``."""
    if not facts.summaries:
        return facts
    store.add(path, facts.summaries)
    return ClassFacts(facts.module, facts.classes, facts.edges, facts.ctor_calls, facts.local_pairs, facts.aliases)


def _renamed(facts: ClassFacts, rename: Renamer) -> ClassFacts:
    """``facts`` with every class and module name mapped to its project identity.

    Whatever no name of changes is the object itself, not a copy (and ``facts`` itself when
    nothing changes): once two paths share a module name every file is renamed, and copying them
    all held a second, uncompacted copy of every file's facts for the whole project pass (on a
    sweep of three site-packages folders, with packages installed twice). Renamed summaries stay
    compact records (leaklint.facts.records), as every reader already reads them.
    """
    classes = [_renamed_class(c, rename) for c in facts.classes]
    edges = [_renamed_edge(e, rename) for e in facts.edges]
    calls = [_renamed_call(c, rename) for c in facts.ctor_calls]
    pairs = [_renamed_pair(p, rename) for p in facts.local_pairs]
    aliases = {rename(k): rename(v) for k, v in facts.aliases.items()}
    summaries = [_renamed_summary(summary, rename) for summary in facts.summaries]
    module = rename(facts.module)
    if (
        module == facts.module
        and aliases == facts.aliases
        and _same_items(classes, facts.classes)
        and _same_items(edges, facts.edges)
        and _same_items(calls, facts.ctor_calls)
        and _same_items(pairs, facts.local_pairs)
        and _same_items(summaries, facts.summaries)
    ):
        return facts
    if aliases == facts.aliases:
        aliases = facts.aliases
    return ClassFacts(module, classes, edges, calls, pairs, aliases, summaries)


_WARNINGS = frozenset({"warn", "warning", "warn_explicit", "debug", "info", "error", "exception", "log",
                       "hasattr", "getattr", "isinstance", "repr", "__repr__", "format", "id", "type"})


_WARN_CALLS = frozenset({"warn", "warning", "warn_explicit", "debug", "info", "error", "exception", "log"})


def warns_only(function: cst.FunctionDef) -> bool:
    """``__del__`` does nothing but test, return, and warn or log (``warnings.warn(...,
    ResourceWarning)``, ``logger.debug``, a warn function bound as a default parameter): no call
    in it releases anything. An empty one (``pass``) is not counted: it is a placeholder."""
    params = {p.name.value for p in [*function.params.params, *function.params.kwonly_params] if p.default is not None}
    warned = False
    for node in walk(function.body):
        if isinstance(node, cst.Assign) and all(isinstance(t.target, cst.Name) for t in node.targets):
            continue  # `self_r = repr(self)`: a local for the warning's text (its calls are checked)
        if isinstance(node, (cst.Assign, cst.AugAssign, cst.Del)):
            return False
        if not isinstance(node, cst.Call):
            continue
        func = node.func
        name = last_name(func) or ""
        if name not in _WARNINGS and name not in params:
            return False
        warned = warned or name in _WARN_CALLS or name in params
    return warned


def _calls_own_release(function: cst.FunctionDef, self_name: str) -> bool:
    """``self.close()`` (or another close-like method of ``self``) is called in ``function``."""
    return any(
        isinstance(node, cst.Call) and _is_attr_of(node.func, self_name)
        and releases(node.func.attr.value)  # type: ignore[attr-defined]
        for node in walk(function.body)
    )


def _only_for_sync_twin(function: cst.FunctionDef, owner: Optional[cst.CSTNode]) -> bool:
    """``__del__`` whose body is ``if not inspect.iscoroutinefunction(self.close): self.close()``
    in a class whose ``close`` is ``async def``: the generated async twin of a sync class, where
    the body never runs (neo4j's ``AsyncBolt``). It releases nothing, like one that only warns."""
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    if len(body) != 1 or not isinstance(body[0], cst.If) or body[0].orelse is not None:
        return False
    tested = negated_coroutine_check(body[0].test)
    if not (isinstance(tested, cst.Attribute) and isinstance(tested.value, cst.Name) and tested.value.value == "self"):
        return False
    methods = owner.body.body if isinstance(owner, cst.ClassDef) and isinstance(owner.body, cst.IndentedBlock) else ()
    return any(
        isinstance(m, cst.FunctionDef) and m.name.value == tested.attr.value and m.asynchronous is not None for m in methods
    )


def _same_items(items: Sequence[Any], originals: Sequence[Any]) -> bool:
    return len(items) == len(originals) and all(a is b for a, b in zip(items, originals))


def _renamed_class(info: ClassInfo, rename: Renamer) -> ClassInfo:
    name, bases = rename(info.name), tuple(rename(b) for b in info.bases)
    if name == info.name and type(info.bases) is tuple and bases == info.bases:
        return info
    return ClassInfo(name, bases, info.del_location, info.init_params, info.init_stores, info.weak_properties,
                     info.strong_properties, info.weak_attrs, info.path, info.methods, info.attrs,
                     del_warns_only=info.del_warns_only, array_attrs=info.array_attrs, del_closes=info.del_closes)


def _renamed_edge(edge: Edge, rename: Renamer) -> Edge:
    source, target = rename(edge.source), rename(edge.target)
    return edge if source == edge.source and target == edge.target else _replace(edge, source, target, False)


def _renamed_call(call: CtorCall, rename: Renamer) -> CtorCall:
    caller, target = rename(call.caller), rename(call.target)
    if caller == call.caller and target == call.target:
        return call
    return CtorCall(caller, target, call.positions, call.keywords, call.location, call.text)


def _renamed_pair(pair: LocalPair, rename: Renamer) -> LocalPair:
    first, second = _renamed_store(pair.first, rename), _renamed_store(pair.second, rename)
    return pair if first is pair.first and second is pair.second else LocalPair(first, second, pair.path)


def _renamed_summary(summary: Any, rename: Renamer) -> Any:
    names = [summary["name"], *(t for v in summary["types"].values() for t in v),
             *(a[0] for a in summary["allocations"]), *(c[1][1] for c in summary["calls"] if c[1][0] in ("new", "func"))]
    if summary["cls"]:
        names.append(summary["cls"])
    if all(rename(name) == name for name in names):
        return summary
    copy = dict(summary)
    copy["name"] = rename(summary["name"])
    copy["cls"] = rename(summary["cls"]) if summary["cls"] else summary["cls"]
    copy["types"] = {k: [rename(t) for t in v] for k, v in summary["types"].items()}
    copy["allocations"] = [[rename(a[0]), *a[1:]] for a in summary["allocations"]]
    copy["calls"] = [
        [c[0], [c[1][0], rename(c[1][1]), *c[1][2:]] if c[1][0] in ("new", "func") else c[1], *c[2:]]
        for c in summary["calls"]
    ]
    return compact_summary(copy) if type(summary) is SummaryRecord else copy


def _renamed_store(store: LocalStore, rename: Renamer) -> LocalStore:
    holder_types = tuple(rename(t) for t in store.holder_types)
    if type(store.holder_types) is tuple and holder_types == store.holder_types:
        return store
    return LocalStore(store.holder, store.value, holder_types, store.attr,
                      store.via_setattr, store.location, store.text, store.value_plain)


def _with_path(edge: Edge, path: str) -> Edge:
    return Edge(edge.source, edge.attr, edge.target, edge.weak, edge.kind, edge.location, edge.text,
                edge.via_property, path)


def _replace(edge: Edge, source: str, target: str, weak: bool) -> Edge:
    return Edge(source, edge.attr, target, weak or edge.weak, edge.kind, edge.location, edge.text,
                edge.via_property, edge.path)
