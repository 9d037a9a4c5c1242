"""The machinery LKL301 (files) and LKL302 (other resources) share: candidate calls, the
ownership verdict, the message in the code's own names, and the context-manager fixes.

This is a base class without a ``code``: the registry only collects rules defined in
``leaklint/rules/``, so it is never run on its own.
"""

from __future__ import annotations

import dataclasses
import weakref
from typing import Any, Callable, ClassVar, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple

import libcst as cst

from leaklint import models
from leaklint.analysis import factories, inherited
from leaklint.analysis.names import LOCAL, collect_bindings
from leaklint.analysis.ownership import (
    BORROWERS,
    CLASS_ATTRIBUTE,
    CLOSED_NOT_JOINED,
    HANDED_OVER_LATE,
    DISCARDED,
    LAZY_BORROWERS,
    NEVER_CLOSED,
    NOT_ON_EXCEPTION,
    NOT_ON_SOME_PATH,
    PARTIAL,
    RAISES_UNRELEASED,
    RETURNED_UNLESS_RAISES,
    REPLACED,
    EVICTED,
    STORED_ON_SELF,
    SUSPENDED_UNRELEASED,
    CONTEXT_MANAGER,
    WITH_DOES_NOT_CLOSE,
    Leak,
    OwnershipAnalyzer,
    _is_release_method_name,
    releases_without_arguments,
)
from leaklint.analysis.quote import one_line_code
from leaklint.analysis.resource_classes import class_calls, exposed_member, resource_classes
from leaklint.analysis.resources import CATALOGUE, FILE, RESOURCE, ResourceKind, extra_kinds
from leaklint.analysis.std_streams import opened_after_closing_every_descriptor
from leaklint.analysis.walk import walk
from leaklint.consequence import graded_once_per_process, releases_itself_when_collected
from leaklint.fixes import close_on_error
from leaklint.fixes.escape import escape_reason, with_body_escape
from leaklint.fixes.imports import _STDLIB, name_form
from leaklint.fixes.suggestions import escape_suggestion, merge_tuple_leaks, name_clash_suggestion, tuple_suggestion
from leaklint.fixes.with_block import block_under_with, closing, statement_list, unique_name, wrap_statement
from leaklint.rule import Confidence, Edit, Finding, Fix, FixSafety, ImportSpec, Location, Rule

PATHLIB_CLASSES = frozenset(f"pathlib.{name}" for name in ("Path", "PurePath", "PosixPath", "WindowsPath"))
PATH_MAKERS = PATHLIB_CLASSES | {"importlib.resources.files", "importlib_resources.files"}
_READ_ONCE = frozenset({"read", "readlines", "readline"})
_PATH_METHODS = frozenset({"joinpath", "with_suffix", "with_name", "with_stem", "resolve", "absolute", "expanduser"})


# One file's foreign-call verdicts, computed once for LKL301 and LKL302 (the context is per file).
# (rendered calls, forwarding functions)
_FOREIGN_CACHE: "weakref.WeakKeyDictionary[Any, Tuple[List[Dict[str, Any]], Dict[str, Dict[str, Any]]]]" = weakref.WeakKeyDictionary()


def _shorten(code: str, limit: int = 60) -> str:
    code = one_line_code(code)
    return code if len(code) <= limit else code[: limit - 4] + "...)"


class ResourceRule(Rule):
    """Shared base of LKL301 and LKL302; subclasses set ``family`` and the metadata."""

    family: ClassVar[str]

    def __init__(self, context: Any, settings: Mapping[str, Any]) -> None:
        super().__init__(context, settings)
        self.kinds: Dict[str, ResourceKind] = {q: k for q, k in CATALOGUE.items() if k.family == self.family}
        self.kinds.update(extra_kinds(settings.get("extra-resources"), self.family))
        self.opener_aliases = self._opener_aliases()
        self.subclasses = self._resource_subclasses()
        self.terminals = (
            frozenset(q.rsplit(".", 1)[-1] for q in self.kinds) | self._aliases() | frozenset(self.opener_aliases)
            | frozenset(self.subclasses)
        )
        # Terminals whose every entry acquires only with a keyword (`get` for `requests.get(...,
        # stream=True)`): a call without that keyword is no candidate, so `d.get(k)` costs nothing.
        gated: Dict[str, Set[str]] = {}
        for qualname, kind in self.kinds.items():
            gated.setdefault(qualname.rsplit(".", 1)[-1], set()).add(kind.when_keyword)
        self.keyword_gates = {t: next(iter(k)) for t, k in gated.items() if len(k) == 1 and "" not in k}
        self.candidates: List[cst.Call] = []
        self.local_calls: List[cst.Call] = []  # `f(...)`, `self.m(...)`: maybe a factory of this module
        self.no_fix_reason: Optional[str] = None  # set by the fix builders: why a finding has no fix
        self.name_clash = False
        self.foreign_candidates: List[cst.Call] = []  # `db.connect(...)`: maybe another module's factory
        self.exported: Dict[str, Dict[str, Any]] = {}  # this module's factories, for the project pass
        self.forwards: Dict[str, Dict[str, Any]] = {}  # functions that return another module's call
        self.method_factories: Dict[str, Dict[str, Any]] = {}  # instance methods that return a new resource
        self.inherited: List[Dict[str, Any]] = []  # resources on self whose bases decide (the project pass)
        self._ownership: Optional[OwnershipAnalyzer] = None
        self._without_fixes = False
        self._guessed_files: Set[int] = set()  # `x.open(...).read()` on a receiver of unknown type
        self._made_by_maker: Dict[int, ResourceKind] = {}  # `Session()` after `Session = sessionmaker()`
        self._naming_paths: Set[str] = set()  # locals `_path_name` is reading the bindings of
        self._weak_calls: Set[int] = set()  # instances of a class that may only close what it was given
        self._class_calls: Set[int] = set()  # instances of this module's resource classes

    def _aliases(self) -> Set[str]:
        """Local names bound to a catalogued callable: ``from io import open as io_open``."""
        return {local for local, target in self.context.module_bindings.names.items() if target in self.kinds}

    def _resource_subclasses(self) -> Dict[str, Tuple[ResourceKind, str]]:
        """Module-level classes whose one base is a catalogued resource class (``class
        Session(requests.Session)``, ``class Conn(socket.socket)``): an instance is that resource,
        released the same way (the base's ``close()`` and ``with``), so ``Session()`` is judged like
        ``requests.Session()``. By class name: (the base's kind, the base as written)."""
        if "class " not in self.context.source:
            return {}
        found: Dict[str, Tuple[ResourceKind, str]] = {}
        for statement in self.context.module.body:
            if not isinstance(statement, cst.ClassDef) or len(statement.bases) != 1 or statement.keywords:
                continue
            base = statement.bases[0].value
            qualified = self.context.qualified_name(base) if isinstance(base, (cst.Name, cst.Attribute)) else None
            kind = self.kinds.get(qualified) if qualified is not None else None
            if kind is None or kind.category not in ("file", "resource") or kind.fd or kind.tuple_items or kind.when_keyword:
                continue
            if self.context.module_bindings.names.get(statement.name.value) != LOCAL:
                continue
            found[statement.name.value] = (kind, self.context.code(base))
        return found

    def _opener_aliases(self) -> Dict[str, ResourceKind]:
        """Module-level names that only ever hold a catalogued opener: ``openf = open`` (under
        ``if PY3:``, with ``openf = codecs.open`` in the ``else:``). Calls through them acquire."""
        found: Dict[str, ResourceKind] = {}
        spoiled: Set[str] = set()
        pending = list(self.context.module.body)
        while pending:
            statement = pending.pop()
            if isinstance(statement, (cst.If, cst.Try)):
                for block in (statement.body, getattr(statement, "orelse", None), getattr(statement, "finalbody", None)):
                    if isinstance(block, (cst.IndentedBlock, cst.Else, cst.Finally)):
                        inner = block.body
                        pending.extend(inner.body if isinstance(inner, cst.IndentedBlock) else [])
                    elif isinstance(block, cst.If):
                        pending.append(block)
                if isinstance(statement, cst.Try):
                    for handler in statement.handlers:
                        pending.extend(handler.body.body if isinstance(handler.body, cst.IndentedBlock) else [])
                continue
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if not (isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name)):
                    continue
                name = small.targets[0].target.value
                qualified = self.context.qualified_name(small.value) if isinstance(small.value, (cst.Name, cst.Attribute)) else None
                kind = self.kinds.get(qualified) if qualified is not None else None
                if kind is None:
                    spoiled.add(name)
                else:
                    found.setdefault(name, kind)
        bound = self.context.module_bindings.names
        return {name: kind for name, kind in found.items() if name not in spoiled and bound.get(name) == LOCAL}

    # -- collecting ---------------------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Name):
            terminal = func.value
            self.local_calls.append(node)
            self.foreign_candidates.append(node)
        elif isinstance(func, cst.Attribute):
            terminal = func.attr.value
            if isinstance(func.value, cst.Name) and func.value.value in ("self", "cls"):
                self.local_calls.append(node)
            else:
                self.foreign_candidates.append(node)
        else:
            return
        if terminal in self.terminals:
            gate = self.keyword_gates.get(terminal)
            if gate is not None and not any(arg.keyword is not None and arg.keyword.value == gate for arg in node.args):
                return
            # Resolved in leave_Module: during visit_Call the engine has not yet recorded the
            # parents of the call's children, so names would resolve at module level.
            self.candidates.append(node)

    def _kind(self, call: cst.Call) -> Optional[ResourceKind]:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "open" and self._is_path(func.value):
            # Path(p).open(), files(pkg).joinpath(n).open(): a receiver whose type is visible
            return self.kinds.get("pathlib.Path.open")
        qualified = self.context.qualified_name(func)
        kind = self.kinds.get(qualified) if qualified is not None else None
        if kind is None and isinstance(func, cst.Name) and func.value in self.opener_aliases:
            if qualified == f"{self.context.module_name}.{func.value}":  # not shadowed here
                return self.opener_aliases[func.value]
        if kind is None and isinstance(func, cst.Name) and func.value in self.subclasses:
            if qualified == f"{self.context.module_name}.{func.value}":
                return self.subclasses[func.value][0]
        if kind is None and isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
            kind = self._method_of_acquired(func.value, func.attr.value)
        if kind is None and id(call) in self._made_by_maker:
            kind = self._made_by_maker[id(call)]
        if kind is None and isinstance(func, cst.Attribute) and func.attr.value == "open" and self._read_and_dropped(call, qualified):
            # `storage.open(name).read()`, `info.logpath.open().readlines()`: whatever the receiver
            # is (a py.path, a Django storage, an fsspec filesystem), its `open()` gave back a
            # file that is read once and dropped unclosed
            self._guessed_files.add(id(call))
            return self.kinds.get("pathlib.Path.open")
        return kind

    def _method_of_acquired(self, receiver: cst.Name, method: str) -> Optional[ResourceKind]:
        """``archive.open(name)`` where every binding of ``archive`` in the scope is a catalogued
        acquisition (``archive = ZipFile(p)``, ``with ZipFile(p) as archive:``): the method model
        of what that call returns (``zipfile.ZipFile.open``), if it acquires too."""
        analyzer = self._analyzer()
        scope = analyzer._scope_of(receiver)
        if scope is None:
            return None
        creators: Set[str] = set()
        for use in analyzer.uses_of(scope, receiver.value):
            parent = self.context.parent(use)
            value: Optional[cst.BaseExpression] = None
            if isinstance(parent, cst.AssignTarget):
                assign = self.context.parent(parent)
                value = assign.value if isinstance(assign, cst.Assign) else None
            elif isinstance(parent, cst.AsName):
                item = self.context.parent(parent)
                value = item.item if isinstance(item, cst.WithItem) else None
            elif isinstance(parent, (cst.Param, cst.For, cst.CompFor, cst.NamedExpr, cst.Global, cst.NameItem)):
                return None
            else:
                continue  # a read
            if not isinstance(value, cst.Call):
                return None
            creator = self.context.qualified_name(value.func)
            if creator is None or creator not in CATALOGUE:
                return None
            creators.add(creator)
        if len(creators) != 1:
            return None
        return self.kinds.get(models.method_of(creators.pop(), method))

    def _maker_calls(self) -> List[cst.Call]:
        """Calls of a value a modelled *maker* returned, kept at module level or on ``self``:
        ``Session = sessionmaker(bind=engine)`` ... ``db = Session()``, ``self._factory =
        sessionmaker(...)`` ... ``self._session = self._factory()``. Each call makes a new resource
        (the ``<maker>.__call__`` model: what calling the maker's result returns)."""
        makers = {q.rsplit(".", 2)[-2] for q in self.kinds if q.endswith(".__call__")}
        if not any(maker in self.context.source for maker in makers):
            return []
        found: List[cst.Call] = []
        for call in self.local_calls:
            func = call.func
            made: Optional[cst.Call] = None
            if isinstance(func, cst.Name):
                made = self._module_constant_call(func.value)
            elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
                cls = self.context.enclosing_class(call)
                made = factories.member_constructor(self.context, cls, func.attr.value) if cls is not None else None
            maker = self.context.qualified_name(made.func) if made is not None else None
            kind = self.kinds.get(models.method_of(maker, "__call__")) if maker is not None else None
            if kind is not None:
                self._made_by_maker[id(call)] = kind
                found.append(call)
        return found

    def _module_constant_call(self, name: str) -> Optional[cst.Call]:
        """The one call bound to the module-level ``name`` (``Session = sessionmaker(...)``)."""
        if self.context.module_bindings.names.get(name) != LOCAL:
            return None
        made: Optional[cst.Call] = None
        for statement in self.context.module.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == name for t in small.targets):
                    if made is not None or len(small.targets) != 1 or not isinstance(small.value, cst.Call):
                        return None
                    made = small.value
        return made

    def _read_and_dropped(self, call: cst.Call, qualified: Optional[str]) -> bool:
        """``<x>.open(...).read()`` (or ``readlines``/``readline``) on a receiver whose ``open`` is
        not one the catalogue knows: not a stdlib module's function (``os.open`` returns a number,
        ``webbrowser.open`` a bool), not ``self.open``/``cls.open`` (the class decides)."""
        if qualified is not None and qualified.split(".", 1)[0] in _STDLIB:
            return False
        receiver = call.func.value if isinstance(call.func, cst.Attribute) else None
        if receiver is None or (isinstance(receiver, cst.Name) and receiver.value in ("self", "cls")):
            return False
        parent = self.context.parent(call)
        if not (isinstance(parent, cst.Attribute) and parent.value is call and parent.attr.value in _READ_ONCE):
            return False
        read = self.context.parent(parent)
        return isinstance(read, cst.Call) and read.func is parent

    def _is_path(self, expr: cst.BaseExpression) -> bool:
        """``Path(p)``, ``importlib.resources.files(pkg)``, and paths built from them with ``/``,
        ``joinpath(...)``, ``with_suffix(...)``, ``parent``..."""
        for _ in range(10):
            if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Divide):
                expr = expr.left
            elif isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value in _PATH_METHODS:
                expr = expr.func.value
            elif isinstance(expr, cst.Attribute) and expr.attr.value in ("parent",):
                expr = expr.value
            elif isinstance(expr, cst.Call):
                return self.context.qualified_name(expr.func) in PATH_MAKERS
            elif isinstance(expr, cst.Name):
                return self._path_name(expr)
            else:
                return False
        return False

    def _path_name(self, name: cst.Name) -> bool:
        """``file = Path(file)`` ... ``file.open("rb")``: a local of a function whose every binding
        is a path built as ``_is_path`` reads it, made before this use by a statement of the
        function's own body (so no path through the function reaches the use with another value);
        a parameter it rebinds that way counts too."""
        if name.value in self._naming_paths:
            return False  # `p = p / "x"`: the binding being read is the one asked about
        analyzer = self._analyzer()
        scope = analyzer._scope_of(name)
        if not isinstance(scope, cst.FunctionDef) or not isinstance(scope.body, cst.IndentedBlock):
            return False
        use_line = self.context.location(name).line
        top_level = {id(statement) for statement in scope.body.body}
        made_before = False
        self._naming_paths.add(name.value)
        try:
            for use in analyzer.uses_of(scope, name.value):
                parent = self.context.parent(use)
                if isinstance(parent, cst.Param):
                    continue  # the caller's value, replaced by a path before the use (made_before)
                if isinstance(parent, cst.AssignTarget):
                    assign = self.context.parent(parent)
                    if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1 and self._is_path(assign.value)):
                        return False
                    statement = self.context.parent(assign)
                    if id(statement) in top_level and self.context.location(assign).line < use_line:
                        made_before = True
                elif isinstance(parent, (cst.AnnAssign, cst.AugAssign, cst.NamedExpr, cst.For, cst.CompFor, cst.AsName, cst.NameItem, cst.Del)):
                    if getattr(parent, "target", None) is use or isinstance(parent, (cst.AsName, cst.NameItem, cst.Del)):
                        return False  # bound some other way
        finally:
            self._naming_paths.discard(name.value)
        return made_before

    def leave_Module(self, node: cst.Module) -> None:
        self._export_subclasses()
        self.candidates.extend(self._maker_calls())
        made_by_classes = self._resource_class_calls()
        if not self.candidates and not made_by_classes:
            return
        analyzer = self._analyzer()
        acquisitions: List[Tuple[cst.Call, ResourceKind]] = list(made_by_classes)
        for call in self.candidates:
            if id(call) in self._class_calls:
                continue  # a resource subclass that is a resource class too: judged once, as the class
            kind = self._kind(call)
            if kind is not None and _acquires(kind, call):
                if kind.fd and not kind.path and opened_after_closing_every_descriptor(self.context, call):
                    continue  # a daemon's new stdin/stdout/stderr (analysis/std_streams.py)
                acquisitions.append((call, kind))
        for call, kind in acquisitions:
            for leak in merge_tuple_leaks(analyzer.analyze(call, kind)):
                self._report(leak, analyzer)
        self._factory_calls(acquisitions, analyzer)

    def _export_subclasses(self) -> None:
        """The resource subclasses of this module, for their callers in other modules (they
        are called like the project's resource classes: ``netsession.Session()``)."""
        for name, (kind, base) in self.subclasses.items():
            cls = next(s for s in self.context.module.body if isinstance(s, cst.ClassDef) and s.name.value == name)
            self.exported[f"{self.context.module_name}.{name}"] = {
                "with_closes": kind.with_closes,
                "inner": _shorten(base, 40),
                "line": self.context.location(cls.name).line,
                "subclass_of": _shorten(base, 40),
            }

    def _resource_class_calls(self) -> List[Tuple[cst.Call, ResourceKind]]:
        """``repo = Repo(root)`` where ``Repo`` is a class of this module that owns a resource
        and frees it in ``close()`` (analysis/resource_classes.py); each class is exported for
        the callers in other modules too."""
        if self.family != RESOURCE or "def close" not in self.context.source and "def aclose" not in self.context.source:
            return []
        classes = resource_classes(self.context, CATALOGUE)
        found: List[Tuple[cst.Call, ResourceKind]] = []
        for name, made in classes.items():
            self.exported[made.kind.qualname] = {
                "with_closes": made.kind.with_closes,
                "inner": f"{name}(...)",
                "line": self.context.location(made.cls.name).line,
                "resource_class": made.released,
                "weak": made.weak,
            }
        for call in class_calls(self.context, self.local_calls, classes):
            made = classes[call.func.value]  # type: ignore[attr-defined]
            if self.context.nearest(call, cst.ClassDef) is made.cls:
                continue  # `return cls(...)`-like construction inside the class itself
            if made.weak:
                self._weak_calls.add(id(call))
            self._class_calls.add(id(call))
            found.append((call, made.kind))
        return found

    def _analyzer(self) -> OwnershipAnalyzer:
        if self._ownership is None:
            self._ownership = OwnershipAnalyzer(self.context)
        return self._ownership

    # -- factories across modules (the project pass) --------------------------------------------

    project_scope = True

    def _export(self, factory: factories.Factory) -> None:
        """A module-level factory that always returns a new resource, for callers elsewhere."""
        kind = factory.kind
        if not factory.always or kind.fd or kind.tuple_items:
            return
        name = f"{self.context.module_name}.{factory.function.name.value}"
        if factory.cls is not None:
            # `Database.open(path)` from another module: a static or class method only (an
            # instance method needs an instance, whose class the caller's file cannot name)
            decorators = {d.decorator.value for d in factory.function.decorators if isinstance(d.decorator, cst.Name)}
            name = f"{self.context.module_name}.{factory.cls.name.value}.{factory.function.name.value}"
            if not decorators & {"staticmethod", "classmethod"}:
                # An instance method: `self.<m>()` in a subclass reaches it through the MRO.
                self.method_factories[name] = {
                    "with_closes": kind.with_closes,
                    "inner": _shorten(self.context.code(factory.inner), 40),
                    "line": self.context.location(factory.function.name).line,
                }
                return
        self.exported[name] = {
            "with_closes": kind.with_closes,
            "inner": _shorten(self.context.code(factory.inner), 40),
            "line": self.context.location(factory.function.name).line,
        }

    def file_facts(self) -> Optional[Dict[str, Any]]:
        calls = self._foreign_calls()
        exports: Dict[str, str] = {}
        if self.context.is_package:
            module = self.context.module_name
            exports = {f"{module}.{local}": target for local, target in self.context.module_bindings.names.items() if "." in target}
        classes = inherited.file_classes(self.context)
        if not calls and not self.exported and not exports and not self.forwards and not classes and not self.method_factories:
            return None
        facts = {"factories": self.exported, "calls": calls, "exports": exports, "forwards": self.forwards}
        if classes:
            facts["classes"] = classes
        if self.inherited:
            facts["inherited"] = self.inherited
        if self.method_factories:
            facts["method_factories"] = self.method_factories
        return facts

    def _foreign_calls(self) -> List[Dict[str, Any]]:
        """What every call of a function of another module would leak if that function is a
        factory, rendered now (the project pass has no tree). Shared by LKL301 and LKL302: the
        verdict does not depend on the family, only the project pass's choice of factories does."""
        cached = _FOREIGN_CACHE.get(self.context)
        if cached is None:
            calls: List[Dict[str, Any]] = []
            for call in self.foreign_candidates:
                qualified = factories.foreign_callee(self.context, call, _STDLIB, self.kinds)
                via_class = False
                if qualified is None:
                    # `client = Client(host)` then `sock = client.connect()`: Client's MRO decides
                    qualified, via_class = factories.instance_callee(self.context, call, _STDLIB), True
                if qualified is None:
                    continue
                entry = self._foreign_call(call, qualified)
                if entry is not None:
                    if via_class:
                        entry["self"] = True
                    calls.append(entry)
            for call in self.local_calls:
                qualified = factories.inherited_callee(self.context, call)
                entry = self._foreign_call(call, qualified) if qualified is not None else None
                if entry is not None:
                    entry["self"] = True  # `self.<m>()`: resolved through the class's MRO
                    calls.append(entry)
            cached = _FOREIGN_CACHE[self.context] = (calls, dict(self.forwards))
        self.forwards = dict(cached[1])
        return cached[0]

    def _foreign_call(self, call: cst.Call, qualified: str) -> Optional[Dict[str, Any]]:
        analyzer = self._analyzer()
        shown = _shorten(self.context.code(call.func), 40)
        kind = factories.foreign_kind(self.family, qualified, shown, with_closes=True)
        # A resource stored on self whose bases decide is not judged for a factory elsewhere; a
        # class without bases is judged in this file, as before subclasses elsewhere were asked.
        judged = analyzer.analyze(call, kind)
        leaks = [dataclasses.replace(leak, hierarchy=None) for leak in judged if not leak.inherits]
        if not leaks:
            forward = analyzer.returned_fresh(call, kind)
            if forward is not None:
                place = factories.plain_function(self.context, forward[0])
                if place is not None and place[1] is None:
                    name = f"{self.context.module_name}.{place[0].name.value}"
                    self.forwards.setdefault(name, {"callee": qualified, "always": forward[1], "inner": _shorten(self.context.code(call), 40)})
        findings: Dict[str, Any] = {"closes": self._render(leaks, analyzer)}
        based = [
            {"cls": leak.hierarchy, "attr": (leak.name or "").split(".", 1)[-1],
             "findings": self._render([dataclasses.replace(leak, hierarchy=None)], analyzer)}
            for leak in judged if leak.inherits and leak.hierarchy is not None
        ]
        if any(entry["findings"] for entry in based):
            # `self.driver = Driver()` in a class with bases: they decide (the project pass)
            findings["inherited"] = [entry for entry in based if entry["findings"]]
        _, parent = analyzer._climb(call)
        if isinstance(parent, cst.WithItem):
            # `with db.connect(p) as conn:` releases it unless the factory's resource is one
            # whose `with` does not close (sqlite3): judged again for that case.
            kind = dataclasses.replace(kind, with_closes=False)
            findings["open"] = self._render(analyzer.analyze(call, kind), analyzer)
        if not any(findings.values()):
            return None
        return {"callee": qualified, "shown": _shorten(self.context.code(call)), **findings}

    def _render(self, leaks: List[Leak], analyzer: OwnershipAnalyzer) -> List[Dict[str, Any]]:
        rendered: List[Dict[str, Any]] = []
        for leak in leaks:
            before = len(self.pending)
            self._without_fixes = True  # a finding the project pass may drop: no fix to build
            try:
                self._report(leak, analyzer)
            finally:
                self._without_fixes = False
            for pending in self.pending[before:]:
                location = self.context.location(pending.node)
                # Graded here, not by the engine: the project pass that reports it has no tree.
                confidence, message = graded_once_per_process(
                    self.code, self.context, pending.node, pending.confidence, pending.message)
                item = {
                    "location": [location.line, location.column, location.end_line, location.end_column],
                    "message": message,
                    "suggestion": pending.suggestion,
                    "confidence": confidence.value,
                }
                if exposed_member(self.context, leak.call, leak.reason == STORED_ON_SELF, leak.name):
                    item["exposed"] = True  # lowered when the callee is a resource class
                rendered.append(item)
            del self.pending[before:]
        return rendered

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        made: Dict[str, Dict[str, Any]] = {}
        exports: Dict[str, str] = {}
        forwards: Dict[str, Dict[str, Any]] = {}
        paths: Dict[str, str] = {}
        for path, data in facts.items():
            if not data:
                continue
            made.update(data.get("factories", {}))
            exports.update(data.get("exports", {}))
            forwards.update(data.get("forwards", {}))
            for name in data.get("factories", {}):
                paths[name] = path
        method_made: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            if data:
                method_made.update(data.get("method_factories", {}))
        findings: List[Finding] = list(inherited.project_findings(facts, exports, cls.code, cls.name))
        if not made and not method_made:
            return findings
        hierarchy = inherited.project_hierarchy(facts, exports) if method_made else None
        for _ in range(factories.MAX_ROUNDS):  # `def get(): return db.connect()` in a third module
            added = False
            for name, forward in forwards.items():
                inner = factories.resolve_exported(forward["callee"], made, exports)
                if name not in made and inner is not None and forward["always"]:
                    made[name] = {"with_closes": inner["with_closes"], "inner": forward["inner"], "line": 0}
                    added = True
            if not added:
                break
        for path in sorted(facts):
            for call in (facts[path] or {}).get("calls", ()):
                if call.get("self"):
                    factory = inherited.method_factory(hierarchy, call["callee"], method_made) if hierarchy is not None else None
                else:
                    factory = factories.resolve_exported(call["callee"], made, exports)
                if factory is None:
                    continue
                chosen = list(call["closes"] if factory["with_closes"] or "open" not in call else call["open"])
                for entry in call.get("inherited", ()):
                    if hierarchy is None:
                        hierarchy = inherited.project_hierarchy(facts, exports)
                    if inherited.unreleased_in_hierarchy(hierarchy, entry["cls"], entry["attr"], True):
                        chosen.extend(entry["findings"])
                for item in chosen:
                    line, column, end_line, end_column = item["location"]
                    made_words = f"returns a new `{factory['inner']}`"
                    if factory.get("subclass_of"):
                        made_words = f"makes an instance of a subclass of `{factory['subclass_of']}`"
                    if factory.get("resource_class"):
                        made_words = f"owns `self.{factory['resource_class']}` and frees it in its `close()`"
                    message = item["message"].replace(factories.FOREIGN_PLACEHOLDER, made_words)
                    suggestion = item["suggestion"]
                    if not factory["with_closes"] and "open" not in call:
                        # its `with` does not close (sqlite3): the advice needs `contextlib.closing`
                        suggestion = suggestion.replace(f"with {call['shown']} as", f"with contextlib.closing({call['shown']}) as")
                    lowered = factory.get("weak") or (factory.get("resource_class") and item.get("exposed"))
                    confidence = Confidence.LOW if lowered else Confidence(item["confidence"])
                    findings.append(Finding(
                        path, cls.code, cls.name, message, suggestion,
                        Location(line, column, end_line, end_column), confidence,
                    ))
        return findings

    def _factory_calls(self, acquisitions: List[Tuple[cst.Call, ResourceKind]], analyzer: OwnershipAnalyzer) -> None:
        """``db = connect()`` where ``connect`` returns a new resource: judged like the call
        inside it (analysis/factories.py), round by round for factories of factories."""
        found: Dict[int, factories.Factory] = {}
        fresh = acquisitions
        reported: Set[Tuple[int, str]] = set()
        for _ in range(factories.MAX_ROUNDS):
            added = []
            for call, kind in fresh:
                verdict = analyzer.returned_fresh(call, kind)
                if verdict is None:
                    continue
                function, always = verdict
                place = factories.plain_function(self.context, function)
                if place is None or id(function) in found:
                    continue
                function, cls = place
                found[id(function)] = factories.Factory(function, factories.made_by(kind, function, cls), call, always, cls)
                added.append(found[id(function)])
                self._export(found[id(function)])
            if not added:
                return
            table = factories.index(added)
            fresh = []
            for call in factories.candidate_calls(self.local_calls, table):
                factory = factories.resolve(self.context, call, table)
                if factory is None or self.context.nearest(call, cst.FunctionDef) is factory.function:
                    continue  # recursion
                fresh.append((call, factory.kind))
                for leak in analyzer.analyze(call, factory.kind):
                    if not factory.always and leak.reason != STORED_ON_SELF:
                        continue  # a caller cannot close what the factory may have borrowed
                    if leak.reason == STORED_ON_SELF and factory.cls is not None and factory.cls is self.context.enclosing_class(call) and not factory.always:
                        # The class's own helper may make it (or hand out a shared one): report
                        # where it is created. An always-new one is reported where it is stored.
                        leak = dataclasses.replace(leak, call=factory.inner, via=call)
                    else:
                        leak = dataclasses.replace(leak, origin=factory.inner)
                    key = (id(leak.call), leak.reason)
                    if key not in reported:
                        reported.add(key)
                        self._report(leak, analyzer)

    # -- reporting ----------------------------------------------------------------------------

    def _report(self, leak: Leak, analyzer: OwnershipAnalyzer) -> None:
        if leak.reason == STORED_ON_SELF and leak.hierarchy is not None:
            # Base classes and subclasses, maybe in other modules, decide: rendered now, judged
            # by the project pass (analysis/inherited.py).
            rendered = self._render([dataclasses.replace(leak, hierarchy=None)], analyzer)
            if rendered:
                self.inherited.append({
                    "cls": leak.hierarchy, "attr": (leak.name or "").split(".", 1)[-1], "bases": leak.inherits, "findings": rendered,
                })
            return
        kind, shown = leak.kind, _shorten(self.context.code(leak.call))
        # `conn = await nats.connect(...)`: the coroutine's result is what `async with` manages
        awaited = kind.is_async and isinstance(self.context.parent(leak.call), cst.Await)
        name = leak.name or kind.var
        confidence = Confidence.HIGH
        fix: Optional[Fix] = None
        self.no_fix_reason, self.name_clash = None, False
        if leak.reason == PARTIAL and leak.scope is not None:
            name = unique_name(kind.var, analyzer.names_in_scope(leak.scope))
        if leak.reason == PARTIAL:
            why = (
                "(a directory stays on disk, with everything written in it, until something removes it)"
                if kind.path
                else "(a raw descriptor is an int: nothing closes it until the process exits)"
                if kind.fd
                else "(CPython closes it when it is garbage-collected, PyPy may not, and `python -X dev` warns)"
            )
            message = f"`{shown}` is never {_released(kind)}: {_what_is_kept(leak)} {why}"
            if kind.fd:
                suggestion = f"keep the descriptor (`{name} = {shown}`) and release it with `{_os_close(name, kind)}` in a `finally:` block"
            else:
                suggestion = f"use `{self._with_form(kind, shown, name, awaited)}` and use `{name}` inside the block"
            if not leak.callee_known:
                # The callee may keep it: judged as the named form `f = open(p); g(f)` is (medium).
                confidence = Confidence.MEDIUM
            fix = self._fix_statement(leak, analyzer)
            if id(leak.call) in self._guessed_files:
                # what the unknown `open()` returns is most likely a file, but not known to be one,
                # nor to be a context manager
                confidence = Confidence.MEDIUM
                if fix is not None:
                    fix = dataclasses.replace(fix, safety=FixSafety.UNSAFE)
        elif leak.use == "killed-unreaped":
            confidence = Confidence.MEDIUM
            assert leak.path_end is not None
            message = (
                f"`{name}` (from `{shown}`) is killed after its `communicate(timeout=...)` timed out, and then "
                "nothing reaps it: the child stays a zombie and its pipes stay open (on Windows the reader "
                "threads `communicate()` started stay blocked on them)"
            )
            suggestion = f"finish communication after the kill: `{name}.kill(); {name}.communicate()` (as the subprocess docs show)"
        elif leak.use.startswith("pipes-open:"):
            confidence = Confidence.MEDIUM
            pipes = leak.use.split(":", 1)[1]
            message = (
                f"the pipes of `{name}` (from `{shown}`: {pipes}) are never closed: `wait()` reaps the child but "
                "closes no pipe (`communicate()` and `with` do), so each call leaves them to the garbage collector "
                "(`ResourceWarning: unclosed file`)"
            )
            suggestion = (
                f"use `with {shown} as {name}:` (it closes the pipes and waits), or close "
                f"{pipes} once read"
            )
            if name.startswith("self."):
                message = message.replace("each call leaves them", "each instance leaves them")
                suggestion = f"close {pipes} where the class reaps the child (before `wait()`)"
        elif leak.use == CLOSED_NOT_JOINED:
            assert leak.release is not None
            confidence = Confidence.MEDIUM
            line = self.context.location(leak.release).line
            message = (
                f"`{name}` (from `{shown}`) is closed on line {line} but never joined: `close()` only stops new work, "
                f"and the worker processes that exit afterwards stay zombies until something reaps them "
                f"(`{name}.join()`, or the pool's finaliser when the collector gets to it)"
            )
            suggestion = f"call `{name}.join()` after `{name}.close()` (or `{name}.terminate()` when pending work may be dropped)"
        elif leak.use == "unreaped":
            # A child without pipes: nothing to close, only a process to reap.
            confidence = Confidence.MEDIUM
            kept = "its `Popen` is discarded" if leak.reason == DISCARDED else f"nothing waits for `{name}`"
            message = (
                f"the child started by `{shown}` is never waited for ({kept}): once it exits it stays a zombie "
                "until a later `subprocess` call in this process reaps it"
            )
            suggestion = (
                "use `subprocess.run(...)` when the caller can wait, or keep the `Popen` and call `wait()` on it "
                "(from a daemon thread if it must run in the background)"
            )
        elif leak.reason == DISCARDED:
            if kind.tuple_items:
                what = "the file descriptor" if kind.fd else "the objects"
                message = f"{what} returned by `{shown}` {'is' if kind.fd else 'are'} never closed"
                suggestion = (
                    f"keep it (`fd, path = {shown}`) and release it with `os.close(fd)` in a `finally:` block, "
                    "or use `tempfile.NamedTemporaryFile`" if kind.fd else f"keep both ends of `{shown}` and close them"
                )
            else:
                message = f"`{shown}` is never {_released(kind)}: its result is discarded"
                suggestion = (
                    f"keep the result and {_release_call(kind, name)}"
                    if kind.fd
                    else f"keep the result and {_release_call(kind, name)}, or use `{self._with_form(kind, shown, name, awaited)}`"
                )
        elif leak.reason == NEVER_CLOSED:
            verb = "are" if ", " in name else "is"  # both ends of a tuple (merge_tuple_leaks)
            message = f"`{name}` (from `{shown}`) {verb} never {_released(kind)}"
            uncalled = self._uncalled_release(leak, analyzer, name)
            if uncalled is not None:
                message += f" (`{name}.{kind.release[0]}` on line {uncalled} only looks the method up: it is never called)"
            suggestion = self._binding_suggestion(kind, shown, name, awaited)
            if leak.callee_known:
                fix = self._fix_binding(leak, analyzer)
            else:
                # The callee may keep it: a `with` would close it under a long-lived holder.
                confidence = Confidence.MEDIUM
                message += " (it is passed to a function that is not known to close it)"
            if self.no_fix_reason is None and isinstance(leak.scope, cst.FunctionDef) and "," not in name:
                # `sock = c.gateway(...)` in a loop, `cfg["sock"] = sock` after it: what is derived
                # from it escapes further on in the function, and a `with` would break that too.
                body = leak.scope.body.body if isinstance(leak.scope.body, cst.IndentedBlock) else ()
                borrows = _local_borrower(analyzer, kind, names=(name,))
                self.no_fix_reason = escape_reason(self.context, body, names=(name,), shown=f"`{name}`", borrows=borrows)
                if self.no_fix_reason is not None:
                    fix = None
            forever = self._serves_forever(leak, analyzer, name)
            if forever is not None:
                # `srv = make_server(...)` ... `srv.serve_forever()`: the function returns only when
                # the process is stopping (pyramid pserve, bottle, pywebview, pydle's loop: 4 of 4
                # debatable on samples 13-17); the resource lives exactly as long as it is used.
                confidence = Confidence.LOW
                message += (
                    f"; `{self.context.code(forever)}` on line {self.context.location(forever).line} runs until the "
                    "process stops, so the process's end releases it"
                )
        elif leak.reason == REPLACED:
            release = _os_close(name, kind) if kind.fd else f"{name}.{kind.release[0]}()"
            message = (
                f"`{name} = {shown}` replaces the value `{name}` may already hold ({leak.use}) "
                f"without releasing it first"
            )
            suggestion = f"call `{release}` on the old value before replacing it (guard with `if {name} is not None:`)"
            if leak.speculative:
                confidence = Confidence.MEDIUM
        elif leak.reason == EVICTED:
            assert leak.path_end is not None
            line = self.context.location(leak.path_end).line
            how = "`del`" if leak.use == "del" else f"`{_shorten(self.context.code(leak.path_end), 40)}`" if leak.use == "reset" else f"`.{leak.use}()`"
            message = (
                f"`{shown}` is stored in `{name}`, which drops entries with {how} on line {line} "
                f"without {_released(kind).replace('closed', 'closing').replace('waited for', 'waiting for')} them"
            )
            suggestion = f"release the entry that is dropped (`{kind.release[0]}()` on the value `pop`/`popitem` returns)"
            if leak.use in ("reset", "clear"):
                suggestion = f"release every entry before emptying it: `for item in {name}: item.{kind.release[0]}()`"
            if leak.use == "bounded":
                message = (
                    f"`{shown}` is stored in `{name}`, a bounded cache (line {line}) that evicts entries by itself "
                    f"without {_released(kind).replace('closed', 'closing').replace('waited for', 'waiting for')} them"
                )
                suggestion = (
                    f"release what it evicts: subclass it and override `popitem()` to call `{kind.release[0]}()` on the "
                    "value it returns, or keep the resources in a container you evict yourself"
                )
            if leak.use == "lru_cache":
                message = (
                    f"`{shown}` is kept by the bounded cache of `{name}` (line {line}), which drops the least "
                    f"recently used one without {_released(kind).replace('closed', 'closing').replace('waited for', 'waiting for')} it"
                )
                suggestion = (
                    f"keep the values in a dict of your own that releases the one it evicts "
                    f"(`{kind.release[0]}()` on what `popitem(last=False)` returns), or use an unbounded cache and release them all at exit"
                )
        elif leak.reason == STORED_ON_SELF:
            method = kind.release[0] if not kind.fd else "close"
            cls = self.context.enclosing_class(leak.call)
            owner = f"`{cls.name.value}`" if cls is not None else "the class"
            message = f"`{name}` (from `{shown}`) is never {_released(kind)}: nothing in the class calls `{name}.{method}()`"
            if leak.use.startswith("only:"):
                _, where, root = leak.use.split(":", 2)
                message = (
                    f"`{name}` (from `{shown}`) is {_released(kind)} only in `{where}()`, which `{root}()` never reaches: "
                    "the one held when the object is released stays open"
                )
            if leak.use == "with":
                message += f" (`with {name}:` commits or rolls back, but does not close it)"
            suggestion = (
                f"give {owner} a `close()` method that calls "
                + (f"`{_os_close(name, kind)}`" if kind.fd else f"`{name}.{method}()`")
                + " (and `__enter__`/`__exit__` calling it), and close the instances"
            )
            existing = _release_method(cls) if cls is not None else None
            if existing is not None and not leak.use:
                # the class has a release method already; it just forgets this attribute
                release = _os_close(name, kind) if kind.fd else f"{name}.{method}()"
                message += f", not even `{cls.name.value}.{existing}()`"
                suggestion = f"call `{release}` in `{existing}()` (before dropping `{name}`)"
            if leak.use in ("stopped", "thread"):
                # An event loop: `stop()` only makes `run_forever()` return.
                confidence = Confidence.MEDIUM
                if leak.use == "stopped":
                    how = "is stopped but never closed: `stop()` only makes `run_forever()` return, and the loop"
                else:
                    how = "runs in a thread that nothing stops or joins, and is never closed: the loop"
                message = (
                    f"`{name}` (from `{shown}`) {how} keeps its selector and self-pipe (file descriptors) open "
                    f"until `{name}.close()`; every instance leaks them"
                )
                suggestion = (
                    f"in {owner}'s release method, stop the loop (`{name}.call_soon_threadsafe({name}.stop)` when "
                    f"another thread runs it), join that thread, then call `{name}.close()`"
                )
            if leak.use.startswith("only:"):
                release = _os_close(name, kind) if kind.fd else f"{name}.{method}()"
                suggestion = f"call `{release}` in `{leak.use.split(':')[2]}()` as well"
                confidence = Confidence.MEDIUM
            if leak.use.startswith("dropped:"):
                dropper = leak.use.split(":", 1)[1]
                release = _os_close(name, kind) if kind.fd else f"{name}.{method}()"
                message = (
                    f"`{name}` (from `{shown}`) is dropped by `{owner.strip('`')}.{dropper}()` without being "
                    f"{_released(kind)}: nothing in the class calls `{release}`, and the calls it is handed to only use it, "
                    f"so what it holds stays open until it is collected"
                )
                suggestion = f"call `{release}` in `{dropper}()` before dropping `{name}`"
                confidence = Confidence.MEDIUM
        elif leak.reason == WITH_DOES_NOT_CLOSE:
            message = (
                f"`with {shown}` does not close it: the connection's `with` commits or rolls back, "
                "but leaves the connection open"
            )
            target = f" as {leak.name}, {leak.name}" if leak.name else ""
            suggestion = f"use `with contextlib.closing({shown}){target}:` to commit and then close it"
            fix = self._fix_with_item(leak)
        elif leak.reason in (NOT_ON_SOME_PATH, RAISES_UNRELEASED):
            message, suggestion = self._path_message(leak, kind, shown, name)
            if leak.reason == RAISES_UNRELEASED or leak.caught is not None:
                confidence = Confidence.MEDIUM
                if _lost_only_to_its_own_failure(leak, kind):
                    confidence = Confidence.LOW
                    message += _OWN_FAILURE_WORDS
            if leak.reason == NOT_ON_SOME_PATH and leak.release is not None and not leak.rebinds:
                # An early exit between `f = open(p)` and `f.close()` in one block: the same
                # create ... close -> `with` rewrite closes it on that exit too.
                fix = self._fix_binding(dataclasses.replace(leak, reason=NOT_ON_EXCEPTION), analyzer)
        elif leak.reason == SUSPENDED_UNRELEASED:
            message, suggestion = self._suspended_message(leak, kind, shown, name)
            # Under `@contextmanager` any error in the caller's `with` body takes this path: a
            # normal use of the API. A plain generator leaks it only when abandoned early.
            confidence = Confidence.HIGH if leak.protocol == CONTEXT_MANAGER else Confidence.MEDIUM
            if leak.release is not None:
                # `f = open(p)` ... `yield` ... `f.close()` in one block: the same `with` rewrite
                # closes it when the exception arrives at the `yield`.
                fix = self._fix_binding(dataclasses.replace(leak, reason=NOT_ON_EXCEPTION), analyzer)
        elif leak.reason == CLASS_ATTRIBUTE:
            confidence = Confidence.MEDIUM
            owner, attr = name.split(".", 1)
            message = (
                f"`{name}` (from `{shown}`) is made when the class body runs, at import, whether or not "
                f"`{owner}` is ever used, and nothing {_releases(kind)} it"
            )
            suggestion = (
                f"create it on first use (`{attr} = None` in the class body; set `{name}` under a lock while it is None), "
                f"and give `{owner}` a way to {_release_verb(kind)} it"
            )
        elif leak.reason == HANDED_OVER_LATE:
            confidence = Confidence.MEDIUM
            assert leak.path_end is not None and leak.via is not None
            line = self.context.location(leak.path_end).line
            callee = _shorten(self.context.code(leak.via.func), 40)
            release = _os_close(name, kind) if kind.fd else f"{name}.{kind.release[0]}()"
            message = (
                f"`{name}` (from `{shown}`) is handed to `{callee}()`, which may raise on line {line} before it "
                f"takes it over: then nobody {_releases(kind)} it"
            )
            suggestion = (
                f"in `{callee}()`, release it when the work before the hand-over fails "
                f"(`try:` ... `except BaseException: {release}; raise`), or do that around the call here"
            )
        elif leak.reason == RETURNED_UNLESS_RAISES:
            confidence = Confidence.MEDIUM
            assert leak.path_end is not None
            line = self.context.location(leak.path_end).line
            release = _os_close(name, kind) if kind.fd else f"{'await ' if kind.is_async else ''}{name}.{kind.release[0]}()"
            message = (
                f"`{name}` (from `{shown}`) is returned to the caller, but not {_released(kind)} if line {line} "
                "raises first: nobody else can release it then"
            )
            suggestion = f"release it when the set-up fails: `try:` ... `except BaseException: {release}; raise`"
            fix = self._fix_close_on_error(leak, analyzer)
            if leak.configures_only and _releases_itself(kind):
                # `s = socket(); s.bind(addr); return s`, `session = Session(); session.mount(...)`:
                # only a configuration error skips the release, and the object outlives it only
                # until its traceback goes. 6 findings in 5 packages of samples 20-21, all judged
                # debatable; a failed `connect` (the peer is down: python-mpd2, judged real) or a
                # database's `execute` keep the finding.
                confidence = Confidence.LOW
                message += (
                    "; only a step that configures it can fail there (a bad argument, not a peer), and the object "
                    "releases itself once the exception is dropped"
                )
        else:  # NOT_ON_EXCEPTION
            assert leak.release is not None
            confidence = Confidence.MEDIUM
            line = self.context.location(leak.release).line
            release = _shorten(self.context.code(leak.release), 40)
            message = (
                f"`{name}` (from `{shown}`) {'are' if ', ' in name else 'is'} released by `{release}` on line {line}, "
                "but not if an exception is raised before that"
            )
            if releases_without_arguments(leak.release, kind):
                # `resp.read()` reads to the end, which releases it: a `finally:` closes it instead.
                message = message.replace(" on line", " (read to the end) on line", 1)
                release = f"{name}.{kind.release[0]}()"
            if leak.computes_only:
                # Only a statement that computes can raise first (`b"\n".join(refs)`): a programming
                # error, after which the process is in trouble anyway; the release is not skipped
                # by anything the operating system or a peer does.
                confidence = Confidence.LOW
                message += "; only a statement that computes (no I/O) can raise before it, so only a programming error skips it"
            elif (leak.own_work_only and kind.family == FILE) or _lost_only_to_its_own_failure(leak, kind):
                # Only the file's own reads and writes (or computations) can raise first: what
                # skips the close is the file's own failure (a full disk, a bad encoding), not a
                # peer, a parse or a timeout; a file object is closed with the failing frame.
                # It moves 6 default findings of samples 13-17, all judged debatable (impacket's
                # smbclient, ccache and keytab; mitmproxy's and scrapy's mkstemp).
                confidence = Confidence.LOW
                what = "descriptor" if kind.fd else "file"
                message += (
                    f"; only a read or write of the {what} itself (or a computation) can raise before it, "
                    "so only the file's own failure skips the release"
                )
                if not kind.fd:
                    message += ", and the file object closes itself when the failing frame is freed"
            elif kind.family == RESOURCE and releases_itself_when_collected(kind.qualname):
                # The normal path releases it, and the object releases itself once collected:
                # an exception delays the release until its traceback goes, it does not lose it.
                # Reviewers judged none of 31 such findings worth a change (precision-unseen.md).
                confidence = Confidence.LOW
                message += (
                    f"; a `{kind.short}` releases itself when it is collected, so an exception only delays that "
                    "until its traceback is dropped"
                )
            suggestion = (
                f"release it in a `finally:` block: `{release}`"
                if kind.fd
                else f"use `{self._with_form(kind, shown, name, awaited)}` (or call `{release}` in a `finally:` block)"
            )
            fix = self._fix_binding(leak, analyzer)
        if kind.tuple_items and not kind.fd and leak.reason in (PARTIAL, NOT_ON_EXCEPTION):
            bound = [n.strip() for n in leak.name.split(",")] if leak.name and leak.reason != PARTIAL else []
            suggestion = tuple_suggestion(bound, shown, kind.release[0], kind.with_closes)  # no `with x as a, b:`
        if fix is None and self.name_clash:
            suggestion = name_clash_suggestion(self._with_form(kind, shown, name, awaited))
        elif fix is None and self.no_fix_reason is not None and leak.reason == RETURNED_UNLESS_RAISES:
            suggestion += f" (no automatic fix: {self.no_fix_reason})"
        elif fix is None and self.no_fix_reason is not None:
            suggestion = escape_suggestion(self.no_fix_reason, self._with_form(kind, shown, name, awaited), name)
        if kind.factory:
            words = self._factory_words(leak)
            if f"(from `{shown}`)" in message:
                message = message.replace(f"(from `{shown}`)", f"(from `{shown}`; {words})", 1)
            else:
                message += f" ({words})"
        if kind.path and leak.reason in (PARTIAL, DISCARDED, NEVER_CLOSED, NOT_ON_EXCEPTION):
            # mkdtemp's directory: TemporaryDirectory removes it however the block ends
            suggestion = (
                f"use `with tempfile.TemporaryDirectory() as {name}:` (it removes the directory when the block "
                f"ends, also on an exception), or call `{_os_close(name, kind)}` in a `finally:` block"
            )
        if _only_when_something_raises(leak) or (leak.reason == NOT_ON_EXCEPTION and kind.fd and len(kind.tuple_items) > 1):
            # Both ends of a pipe are closed in different branches of a fork or handed to a child:
            # what goes wrong is an end never closed on a normal path, not a window before a close.
            confidence = Confidence.LOW
        node: cst.CSTNode = leak.call
        if leak.use == "killed-unreaped" and leak.path_end is not None:
            node = leak.path_end  # the kill that is not followed by communicate() is what to fix
        if leak.reason == EVICTED and leak.use not in ("bounded", "lru_cache") and leak.path_end is not None:
            # The drop is the bug and where it is fixed (beaver, voctomix, img-proof mark and
            # change the `del`/`clear()` line): report there, naming where the entries come from.
            node = leak.path_end
            stored_at = self.context.location(leak.call).line
            message = message.replace(f" on line {self.context.location(leak.path_end).line} ", f" here (stored on line {stored_at}) ", 1)
        if id(leak.call) in self._weak_calls or (
            id(leak.call) in self._class_calls and exposed_member(self.context, leak.call, leak.reason == STORED_ON_SELF, leak.name)
        ):
            confidence = Confidence.LOW
        self.report(node, message, suggestion=suggestion, confidence=confidence, fix=fix)

    def _serves_forever(self, leak: Leak, analyzer: OwnershipAnalyzer, name: str) -> Optional[cst.Call]:
        """The statement ``name.serve_forever()`` (or ``run_forever()``) of a local, if its scope has one."""
        if leak.scope is None or "," in name or "." in name:
            return None
        for use in analyzer.uses_of(leak.scope, name):
            attribute = self.context.parent(use)
            if not (isinstance(attribute, cst.Attribute) and attribute.value is use):
                continue
            call = self.context.parent(attribute)
            if (
                attribute.attr.value in _RUNS_UNTIL_STOPPED
                and isinstance(call, cst.Call)
                and isinstance(self.context.parent(call), cst.Expr)
            ):
                return call
        return None

    def _uncalled_release(self, leak: Leak, analyzer: OwnershipAnalyzer, name: str) -> Optional[int]:
        """The line of ``f.close`` written as a statement without ``()``, if the scope has one."""
        if leak.scope is None or "," in name:
            return None
        for use in analyzer.uses_of(leak.scope, name):
            attribute = self.context.parent(use)
            if isinstance(attribute, cst.Attribute) and attribute.value is use and attribute.attr.value in leak.kind.release:
                if isinstance(self.context.parent(attribute), cst.Expr):
                    return self.context.location(attribute).line
        return None

    def _factory_words(self, leak: Leak) -> str:
        """How a factory's resource got here: ``which returns a new `sqlite3.connect(...)```."""
        kind = leak.kind
        if leak.via is not None:
            return f"`{_shorten(self.context.code(leak.via), 40)}` returns it"
        made = f"`{_shorten(self.context.code(leak.origin), 40)}`" if leak.origin is not None else "a new one"
        return f"`{kind.factory}()` returns {made}"

    def _path_message(self, leak: Leak, kind: ResourceKind, shown: str, name: str) -> Tuple[str, str]:
        """The path a leak takes, in the code's own words: the statement where it is lost."""
        end = leak.path_end
        line = self.context.location(end).line if end is not None else None
        released = _released(kind)
        release = _os_close(name, kind) if kind.fd else f"{name}.{kind.release[0]}()"
        if leak.reason == RAISES_UNRELEASED and leak.use == "establish":
            message = (
                f"`{name}` (from `{shown}`) is not {released} if the set-up on line {line} fails (no peer answers, or it refuses): "
                "the half-built object never reaches a caller, so nobody can release it"
            )
            suggestion = f"release it when that step fails: `try:` ... `except BaseException: {release}; raise`"
            return message, suggestion
        if leak.reason == RAISES_UNRELEASED and leak.use.startswith("helper:"):
            helper = leak.use.split(":", 1)[1]
            message = (
                f"`{name}` (from `{shown}`) is not {released} if `{helper}(...)` on line {line} raises (its body raises "
                "on bad input): the half-built object never reaches a caller, so nobody can release it"
            )
            suggestion = f"wrap the rest of the constructor in `try:` ... `except BaseException: {release}; raise`"
            return message, suggestion
        if leak.reason == RAISES_UNRELEASED:
            message = f"`{name}` (from `{shown}`) is not {released} when line {line} raises"
            suggestion = f"call `{release}` before raising, or release it in a `finally:`/`except:` block"
            return message, suggestion
        if leak.rebinds:
            how = f"line {line} rebinds `{name}` while it is still open"
        elif isinstance(end, cst.Return):
            how = f"the `return` on line {line} leaves it open"
        elif isinstance(end, (cst.For, cst.While)):
            how = f"the loop on line {line} can end with it still open"
        elif line is not None:
            how = f"the path through line {line} leaves it open"
        else:
            how = "some path leaves it open"
        if leak.caught is not None and isinstance(getattr(leak.caught, "value", None), cst.Yield):
            # Not "line N raises": the exception comes from the consumer, thrown in at the yield.
            how = (
                f"when the exception thrown in at the `yield` on line {self.context.location(leak.caught).line} "
                f"is caught, {how}"
            )
        elif leak.caught is not None:
            how = f"when line {self.context.location(leak.caught).line} raises and the exception is caught, {how}"
        message = f"`{name}` (from `{shown}`) is not {released} on every path: {how}"
        suggestion = f"release it on that path too (`{release}`), or use `{self._with_form(kind, shown, name)}`"
        if kind.fd:
            suggestion = f"release it on that path too (`{release}`), or in a `finally:` block"
        return message, suggestion

    def _suspended_message(self, leak: Leak, kind: ResourceKind, shown: str, name: str) -> Tuple[str, str]:
        """Released after a ``yield``: say where the exception comes from, not "line N raises"."""
        assert leak.path_end is not None
        line = self.context.location(leak.path_end).line
        released = _released(kind)
        release = _os_close(name, kind) if kind.fd else f"{'await ' if kind.is_async else ''}{name}.{kind.release[0]}()"
        skipped = ""
        if leak.release is not None:
            skipped = f", so `{_shorten(self.context.code(leak.release), 40)}` on line {self.context.location(leak.release).line} never runs"
        if leak.protocol == CONTEXT_MANAGER:
            scope = leak.scope
            decorator = "@asynccontextmanager" if isinstance(scope, cst.FunctionDef) and scope.asynchronous else "@contextmanager"
            message = (
                f"`{name}` (from `{shown}`) is not {released} if the `with` body raises: `{decorator}` throws "
                f"the exception in at the `yield` on line {line}{skipped}"
            )
        else:
            message = (
                f"`{name}` (from `{shown}`) is not {released} if the generator is abandoned early: closing or "
                f"dropping it throws `GeneratorExit` in at the `yield` on line {line}{skipped}"
            )
        if kind.fd or not kind.can_use_with:
            suggestion = f"put the `yield` in `try:` and call `{release}` in its `finally:` block"
        else:
            suggestion = (
                f"put the `yield` in `try:` and call `{release}` in its `finally:` block, "
                f"or use `{self._with_form(kind, shown, name)}` around the `yield`"
            )
        return message, suggestion

    def _with_form(self, kind: ResourceKind, shown: str, name: str, awaited: bool = False) -> str:
        if not kind.can_use_with and not kind.fd and not kind.maybe_none:
            # No `with` form (an Engine's dispose(), a PeriodicCallback's stop()): try/finally.
            wait = "await " if kind.is_async else ""
            made = f"await {shown}" if awaited else shown
            return f"{name} = {made}; try: ... finally: {wait}{name}.{kind.release[0]}()"
        keyword = "async with" if kind.is_async else "with"
        managed = shown if kind.with_closes else f"contextlib.closing({shown})"
        if awaited and kind.with_closes:
            managed = f"await {managed}"
        return f"{keyword} {managed} as {name}:"

    def _binding_suggestion(self, kind: ResourceKind, shown: str, name: str, awaited: bool = False) -> str:
        if kind.tuple_items and not kind.fd:
            return tuple_suggestion([n.strip() for n in name.split(",")], shown, kind.release[0], kind.with_closes)
        if kind.fd:
            return f"release it with `{_os_close(name, kind)}` in a `finally:` block"
        if kind.maybe_none:
            return (
                f"call `{name}.{kind.release[0]}()` in a `finally:` block once it is known not to be None "
                f"(`{kind.factory}()` may return None, so `with` would fail)"
            )
        if not kind.enter_returns_self:
            return (
                f"call `{name}.{kind.release[0]}()` in a `finally:` block, or use `with {shown} as path:` "
                f"(it binds the path, not the object) and use `path` instead of `{name}.name`"
            )
        text = f"use `{self._with_form(kind, shown, name, awaited)}` and indent the code that uses `{name}` under it"
        if kind.with_changes_behaviour:
            text += f" (its `with` also calls `{kind.with_release}()`), or call `{name}.{kind.release[0]}()` in a `finally:` block"
        elif kind.is_async:
            text += f", or `await {name}.{kind.release[0]}()` in a `finally:` block"
        return text

    # -- fixes ----------------------------------------------------------------------------------

    def _item(self, kind: ResourceKind, call: cst.Call) -> Optional[Tuple[cst.BaseExpression, Tuple[Edit, ...], Tuple[ImportSpec, ...]]]:
        """What the ``with`` manages, plus the edits and imports that need: ``contextlib.closing``
        spelled as the fix site allows (None: every spelling is taken)."""
        if kind.with_closes:
            return call, (), ()
        form = name_form(self.context, call, "contextlib", "closing")
        if form is None:
            self.name_clash = True
            return None
        return closing(call, form.expression), form.edits, form.imports

    def _safety(self, kind: ResourceKind, safe: bool) -> FixSafety:
        return FixSafety.SAFE if safe and not kind.with_changes_behaviour else FixSafety.UNSAFE

    def _can_fix(self, leak: Leak) -> bool:
        kind = leak.kind
        if not kind.can_use_with or kind.tuple_items or not kind.enter_returns_self:
            return False
        if self.context.parent(leak.call) is not None and isinstance(self.context.parent(leak.call), cst.Await):
            return False
        if kind.is_async:
            scope = leak.scope
            return isinstance(scope, cst.FunctionDef) and scope.asynchronous is not None
        return True

    def _fix_statement(self, leak: Leak, analyzer: OwnershipAnalyzer) -> Optional[Fix]:
        """``data = open(p).read()`` -> ``with open(p) as f: data = f.read()`` (safe)."""
        if self._without_fixes:
            return None
        if not self._can_fix(leak) or leak.scope is None:
            return None
        statement = self.context.enclosing_statement(leak.call)
        if statement is None or statement_list(self.context.parent(statement)) is None:
            return None
        path_safety = self._straight_path(leak.call, statement, analyzer, leak.kind)
        if path_safety is None:
            return None
        shown = f"`{_shorten(self.context.code(leak.call), 40)}`"
        self.no_fix_reason = escape_reason(
            self.context, [statement], nodes=(leak.call,), shown=shown, bindings_escape=True,
            borrows=_local_borrower(analyzer, leak.kind, nodes=(leak.call,)),
        )
        if self.no_fix_reason is not None:
            return None
        name = unique_name(leak.kind.var, analyzer.names_in_scope(leak.scope))
        managed = self._item(leak.kind, leak.call)
        if managed is None:
            return None
        item, import_edits, imports = managed
        assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        new = wrap_statement(statement, leak.call, item, name, is_async=leak.kind.is_async)
        return Fix((Edit(statement, new),) + import_edits, self._safety(leak.kind, path_safety), imports)

    def _straight_path(self, call: cst.Call, statement: cst.CSTNode, analyzer: OwnershipAnalyzer, kind: ResourceKind) -> Optional[bool]:
        """Whether the statement can be put under ``with``: None when not (the call may not run
        exactly once, something with side effects runs before it, or the value it is passed to
        may keep it); else True when that is safe, False when the callee is unknown."""
        before: List[cst.CSTNode] = []
        safe = True
        direct = True  # the value on the path is still the resource itself (not open(p).read())
        child: cst.CSTNode = call
        node = self.context.parent(call)
        while node is not None and node is not statement:
            if not _passes_value(node, child):
                return None
            if isinstance(node, cst.Attribute) and not isinstance(self.context.parent(node), cst.Call):
                return None  # open(p).buffer: the attribute may keep the resource alive
            if isinstance(node, cst.Call) and node.func is child:
                direct = False  # open(p).read(): from here on the value is the method's result
            if direct and isinstance(node, cst.Call) and isinstance(child, cst.Arg):
                qualified = self.context.qualified_name(node.func)
                if qualified in CATALOGUE or qualified in LAZY_BORROWERS:
                    return None  # ZipFile(open(p)) / iter(open(p)) keeps using it after the statement
                # a function of this module that only uses it is as safe as a known borrower
                # (the same verdict the named form `f = open(p); g(f)` gets)
                safe = safe and (qualified in BORROWERS or (isinstance(child, cst.Arg) and analyzer.is_handed_to_owner(node, child, kind) is False))
            before.extend(_evaluated_before(node, child))
            child, node = node, self.context.parent(node)
        if node is None:
            return None
        if isinstance(statement, cst.SimpleStatementLine):
            if len(statement.body) != 1:
                return None
        elif not (isinstance(statement, cst.For) and statement.iter is child):
            return None
        if any(isinstance(n, (cst.Call, cst.Await, cst.Yield, cst.NamedExpr)) for root in before for n in walk(root)):
            return None
        return safe

    def _fix_binding(self, leak: Leak, analyzer: OwnershipAnalyzer) -> Optional[Fix]:
        """``f = open(p)`` + uses (+ ``f.close()``) in one block -> a ``with`` block."""
        if self._without_fixes:
            return None
        binding = leak.binding
        if not self._can_fix(leak) or leak.name is None or leak.scope is None:
            return None
        if not isinstance(binding, cst.SimpleStatementLine) or len(binding.body) != 1:
            return None
        small = binding.body[0]
        if not (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and isinstance(small.targets[0].target, cst.Name)
            and small.value is leak.call
        ):
            return None
        block = self.context.parent(binding)
        statements = statement_list(block) if block is not None else None
        if statements is None:
            return None
        index = _index(statements, binding)
        used_at = self._use_positions(leak, analyzer, block, statements)
        if index is None or used_at is None or any(position <= index for position in used_at):
            return None
        if leak.reason == NOT_ON_EXCEPTION:
            end = self._release_position(leak, statements)
            if end is None or any(position > end for position in used_at):
                return None
            moved = statements[index + 1 : end]
            removed = statements[index + 1 : end + 1]
            safe = True
        else:
            end = self._last_dependent(leak.name, statements, index)
            if end is None:
                return None
            moved = removed = statements[index + 1 : end + 1]
            # Wrapping the rest of a function (or module) body closes the resource where the
            # scope ends, which is when CPython's reference counting would have closed it: the
            # behaviour only changes on the paths that leaked. Stopping earlier moves the close.
            # Either way, nothing derived from it may outlive the block (fixes/escape.py).
            safe = end == len(statements) - 1 and self._is_scope_body(block, leak.scope)
            self.no_fix_reason = escape_reason(
                self.context,
                moved,
                names=(leak.name,),
                shown=f"`{leak.name}`",
                borrows=_local_borrower(analyzer, leak.kind, names=(leak.name,)),
            )
            if self.no_fix_reason is not None:
                return None
        managed = self._item(leak.kind, leak.call)
        if managed is None:
            return None
        item, import_edits, imports = managed
        new = block_under_with(binding, moved, item, leak.name, is_async=leak.kind.is_async)
        edits = (Edit(binding, new),) + tuple(Edit(s, cst.RemoveFromParent()) for s in removed) + import_edits
        return Fix(edits, self._safety(leak.kind, safe), imports)

    @staticmethod
    def _is_scope_body(block: cst.CSTNode, scope: cst.CSTNode) -> bool:
        if isinstance(scope, cst.Module):
            return block is scope
        return isinstance(scope, cst.FunctionDef) and block is scope.body

    def _use_positions(
        self, leak: Leak, analyzer: OwnershipAnalyzer, block: cst.CSTNode, statements: Sequence[cst.BaseStatement]
    ) -> Optional[List[int]]:
        """For each use of the name, the index of the block's statement holding it (None: outside)."""
        assert leak.scope is not None and leak.name is not None
        positions = {id(s): i for i, s in enumerate(statements)}
        found: List[int] = []
        for use in analyzer.uses_of(leak.scope, leak.name):
            parent = self.context.parent(use)
            if isinstance(parent, cst.Attribute) and parent.attr is use:
                continue
            if isinstance(parent, cst.AssignTarget) and self.context.enclosing_statement(parent) is leak.binding:
                continue
            top: Optional[cst.CSTNode] = use
            while top is not None and id(top) not in positions:
                top = self.context.parent(top)
                if top is block:
                    return None
            if top is None:
                return None
            found.append(positions[id(top)])
        return found

    def _release_position(self, leak: Leak, statements: Sequence[cst.BaseStatement]) -> Optional[int]:
        release = leak.release
        kind = leak.kind
        if release is None or not isinstance(release.func, cst.Attribute) or release.args:
            return None
        method = release.func.attr.value
        if method != (kind.with_release if kind.with_closes else "close"):
            return None
        for position, statement in enumerate(statements):
            if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
                small = statement.body[0]
                if isinstance(small, cst.Expr):
                    value = small.value.expression if isinstance(small.value, cst.Await) else small.value
                    if value is release:
                        return position
        return None

    def _last_dependent(self, name: str, statements: Sequence[cst.BaseStatement], index: int) -> Optional[int]:
        """The last statement after ``index`` that uses ``name`` or a name computed from it
        (``cur = conn.cursor()`` keeps needing ``conn``)."""
        tracked = {name}
        last: Optional[int] = None
        for position in range(index + 1, len(statements)):
            statement = statements[position]
            nodes = list(walk(statement))
            if any(isinstance(n, cst.Name) and n.value in tracked for n in nodes):
                last = position
                bound = collect_bindings(statement, self.context.module_name, self.context.is_package, nodes=nodes)
                tracked.update(bound.names)
        return last

    def _fix_close_on_error(self, leak: Leak, analyzer: OwnershipAnalyzer) -> Optional[Fix]:
        """``conn = connect(p)`` / set-up / ``return conn`` -> the set-up in ``try:`` with
        ``except BaseException: conn.close(); raise``: only the failing path changes."""
        if self._without_fixes:
            return None
        binding, name, kind = leak.binding, leak.name, leak.kind
        if not isinstance(binding, cst.SimpleStatementLine) or name is None or leak.scope is None:
            return None
        block = self.context.parent(binding)
        statements = statement_list(block) if block is not None else None
        if statements is None or not self._is_scope_body(block, leak.scope):
            return None
        index = _index(statements, binding)
        if index is None or index + 2 > len(statements):
            return None
        last = statements[-1]
        if not (
            isinstance(last, cst.SimpleStatementLine)
            and len(last.body) == 1
            and isinstance(last.body[0], cst.Return)
            and isinstance(last.body[0].value, cst.Name)
            and last.body[0].value.value == name
        ):
            return None
        moved = list(statements[index + 1 : -1])
        if not moved or kind.fd or any(isinstance(n, cst.Yield) for s in moved for n in walk(s)):
            return None  # (a raw descriptor would need `os` spelled at the site: suggestion only)
        if kind.is_async and not (isinstance(leak.scope, cst.FunctionDef) and leak.scope.asynchronous is not None):
            return None
        borrows = _local_borrower(analyzer, kind, names=(name,))
        self.no_fix_reason = escape_reason(self.context, moved, names=(name,), shown=f"`{name}`", borrows=borrows)
        if self.no_fix_reason is not None:
            return None
        release = close_on_error.release_statement(name, kind.release[0], is_async=kind.is_async)
        edits: List[Edit] = [Edit(moved[0], close_on_error.guard(moved, release))]
        edits.extend(Edit(s, cst.RemoveFromParent()) for s in moved[1:])
        return Fix(tuple(edits), FixSafety.SAFE)

    def _fix_with_item(self, leak: Leak) -> Optional[Fix]:
        """``with sqlite3.connect(p) as conn:`` -> ``with contextlib.closing(sqlite3.connect(p)) as conn, conn:``."""
        if self._without_fixes:
            return None
        item = self.context.parent(leak.call)
        if not isinstance(item, cst.WithItem) or leak.name is None:
            return None
        with_statement = self.context.parent(item)
        if isinstance(with_statement, cst.With):
            self.no_fix_reason = with_body_escape(self.context, with_statement, leak.name)
            if self.no_fix_reason is not None:
                return None
        form = name_form(self.context, leak.call, "contextlib", "closing")
        if form is None:
            self.name_clash = True
            return None
        first = item.with_changes(
            item=closing(leak.call, form.expression), comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        second = cst.WithItem(item=cst.Name(leak.name), comma=item.comma)
        return Fix((Edit(item, cst.FlattenSentinel([first, second])),) + form.edits, FixSafety.SAFE, form.imports)


def _local_borrower(
    analyzer: OwnershipAnalyzer, kind: ResourceKind, *, names: Sequence[str] = (), nodes: Sequence[cst.CSTNode] = ()
) -> "Callable[[cst.Call], bool]":
    """For the escape check of a fix: a function of this module that only uses the resource it
    is given (it neither keeps, closes nor hands it on: ``is_handed_to_owner`` is False)."""
    wanted = {id(node) for node in nodes}

    def borrows(call: cst.Call) -> bool:
        given = [
            arg for arg in call.args
            if id(arg.value) in wanted or (isinstance(arg.value, cst.Name) and arg.value.value in names)
        ]
        return bool(given) and all(analyzer.is_handed_to_owner(call, arg, kind) is False for arg in given)

    return borrows


def _passes_value(node: cst.CSTNode, child: cst.CSTNode) -> bool:
    """``node`` evaluates ``child`` exactly once, unconditionally, and uses its value."""
    if isinstance(node, cst.Attribute):
        return node.value is child
    if isinstance(node, cst.Call):
        return node.func is child or isinstance(child, cst.Arg)
    if isinstance(node, cst.Arg):
        return node.value is child
    if isinstance(node, cst.Subscript):
        return node.value is child
    if isinstance(node, (cst.Element, cst.Tuple, cst.List)):
        return True
    if isinstance(node, (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return, cst.Expr)):
        return node.value is child
    if isinstance(node, cst.CompFor):
        return node.iter is child
    if isinstance(node, (cst.ListComp, cst.SetComp, cst.DictComp)):
        return node.for_in is child  # only the outermost iterable is evaluated once, eagerly
    return False


def _evaluated_before(node: cst.CSTNode, child: cst.CSTNode) -> List[cst.CSTNode]:
    """The parts of ``node`` that Python evaluates before ``child``."""
    if isinstance(node, cst.Call) and isinstance(child, cst.Arg):
        earlier: List[cst.CSTNode] = [node.func]
        for arg in node.args:
            if arg is child:
                break
            earlier.append(arg)
        return earlier
    if isinstance(node, (cst.Tuple, cst.List)):
        earlier = []
        for element in node.elements:
            if element is child:
                break
            earlier.append(element)
        return earlier
    return []


def _index(statements: Sequence[cst.BaseStatement], statement: cst.CSTNode) -> Optional[int]:
    for position, candidate in enumerate(statements):
        if candidate is statement:
            return position
    return None


def _released(kind: ResourceKind) -> str:
    method = kind.release[0]
    if method in ("close", "os.close", "aclose"):
        return "closed"
    if method == "wait":
        return "waited for"
    if method == "cleanup":
        return "cleaned up"
    if kind.path:
        return f"removed (`{method}()`)"
    return f"released (`{method}()`)"


def _releases(kind: ResourceKind) -> str:
    word = _released(kind)
    if kind.path:
        return f"removes (`{kind.release[0]}()`)"
    return {"closed": "closes", "waited for": "waits for", "cleaned up": "cleans up"}.get(word, f"releases (`{kind.release[0]}()`)")


def _release_verb(kind: ResourceKind) -> str:
    word = _released(kind)
    return {"closed": "close", "waited for": "wait for", "cleaned up": "clean up"}.get(word, "release")


def _release_call(kind: ResourceKind, name: str) -> str:
    if kind.fd:
        return f"call `{_os_close(name, kind)}`"
    prefix = "await " if kind.is_async else ""
    return f"call `{prefix}{name}.{kind.release[0]}()`"


def _what_is_kept(leak: Leak) -> str:
    use = leak.use
    if use.startswith("a "):
        return f"it is only iterated in {use}"
    if use.endswith("()") and use.startswith("."):
        return f"only the result of its `{use}` is kept"
    if use.startswith("."):
        return f"only its `{use}` is used"
    if use.startswith("["):
        return "only an item of it is kept"
    if leak.callee_known:
        return f"it is only passed to `{use}`, which does not close it"
    return f"it is only passed to `{use}`, which is not known to close it"





# A server's or event loop's method that returns only when something stops it, usually as the
# process ends (`socketserver.BaseServer.serve_forever`, `asyncio` loops' `run_forever`).
_RUNS_UNTIL_STOPPED = frozenset({"serve_forever", "run_forever"})


def _releases_itself(kind: ResourceKind) -> bool:
    """A file object, or a resource object that releases what it holds when it is collected."""
    if kind.family == FILE:
        return not kind.fd and not kind.path
    return releases_itself_when_collected(kind.qualname)


def _lost_only_to_its_own_failure(leak: Leak, kind: ResourceKind) -> bool:
    """A file object lost only when its own read or write fails, however the function goes on
    from there (the error propagates, is caught and the function returns, or becomes a new error):
    ``f = open(p); data = f.read(); f.close()`` in a ``try:`` whose handler returns or raises.
    The file object closes itself when the failing frame is freed, and what skipped the close is
    the file's own failure (a bad encoding, a read error), not a peer's or a timeout's. Reviewers
    judged none of 5 such findings in 3 packages worth a change (pefile, ropgadget, pysmi). Not a
    raw descriptor: nothing closes that (pysmi's `mkstemp` descriptor lost when `os.write` fails
    was judged real)."""
    return leak.own_failure_only and kind.family == FILE and _releases_itself(kind)


_OWN_FAILURE_WORDS = (
    "; only a read or write of the file itself (or a computation) can fail there, "
    "and the file object closes itself when the failing frame is freed"
)


def _only_when_something_raises(leak: Leak) -> bool:
    """A local handed to a callee that may raise before it takes the value over.

    Low consequence: the value is lost only on that callee's error path, and CPython closes it once
    the exception and its traceback are dropped. Reviewers of packages leaklint was never run on
    found none of 7 such findings worth a change (docs/evaluation/precision-unseen.md, "Resources
    lost only when something raises"). The other exception paths stay medium: `f = open(p)` ...
    `f.close()` with no `finally`, as pylint's consider-using-with reports it; an explicit `raise`
    while the resource is held (a failed connect or hand-shake); the candidate loop whose caught
    failure leaves the last socket open.
    """
    return leak.reason == HANDED_OVER_LATE


def _acquires(kind: ResourceKind, call: cst.Call) -> bool:
    """Whether ``call`` acquires: always, unless the entry needs a keyword passed a true value
    (``requests.get(u, stream=True)``; ``stream=False`` or a variable is not counted).
    ``visit_Call``'s keyword gate only checked that the keyword is there."""
    if not kind.when_keyword:
        return True
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == kind.when_keyword:
            return isinstance(arg.value, cst.Name) and arg.value.value == "True"
    return False


def _os_close(name: str, kind: ResourceKind) -> str:
    """The release function called on it: ``os.close(fd)`` (for both ends of a pipe bound
    together, ``os.close(r); os.close(w)``), ``shutil.rmtree(tmpdir)`` for a path."""
    function = kind.release[0] if "." in kind.release[0] else "os.close"
    return "; ".join(f"{function}({part.strip()})" for part in name.split(","))


def _release_method(cls: cst.ClassDef) -> Optional[str]:
    """The name of ``cls``'s own release method (``close``, ``disconnect``, ``__exit__``...), if any."""
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef) and _is_release_method_name(statement.name.value):
            if statement.name.value not in ("__exit__", "__aexit__", "__del__"):
                return statement.name.value
    return None
