"""LKL204: a module-level container that code in another module adds to, per call."""

from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import (
    CLASS_DEFINITION_HOOKS,
    local_assignments,
    REMOVE_METHODS,
    OBJECT,
    UNKNOWN,
    VOCABULARY,
    WORKLOAD,
    FINITE,
    container_kind,
    module_level_statements,
    returns_a_parameter,
)
from leaklint.analysis.growth_facts import (
    ESCAPE,
    GROW,
    SHRINK,
    builds_class_per_call,
    caller_evidence,
    classify_use,
    describe_pinned,
    first_line_text,
    items_evidence,
)
from leaklint.analysis.names import LOCAL
from leaklint.analysis.walk import walk, walk_type
from leaklint.rule import Bad, Confidence, Finding, Good, Location, Option, Rule

_SEQUENCE_KINDS = frozenset({"list", "deque"})
# Dicts of the standard library that live as long as the process and that nothing empties for
# the program: an entry added under a name made per call is never freed.
_PROCESS_REGISTRIES = {
    "sys.modules": "give generated modules a name from a fixed set, or remove the entry when done "
    "(`sys.modules.pop(name, None)`)",
    "linecache.cache": "name generated source after a hash of its text (one entry per distinct source), or "
    "remove the entry when done (`linecache.cache.pop(filename, None)`)",
}
_KEYED_HOWS = frozenset({"[]=", "setdefault", "__setitem__"})


class ContainerGrownFromAnotherModule(Rule):
    """
    ## What it does
    Flags a function that adds per-call objects to a list, dict or set defined at module level in
    another module of the project (`from .utils import TMP_THREADS` ... `TMP_THREADS.append(worker)`,
    or `utils.REGISTRY[request.id] = request`) when no module of the project ever removes from it.
    Also flags a call that hands a class made per call (`pointer(c_ubyte * size)`,
    `lookup(type(name, bases, ns))`) to a function of another module that memoises by that
    parameter in a module-level dict (`_pointer_type_cache[cls] = ...`), and a function that builds a
    class per call (`type("ArgSchema", (Schema,), ns)`) on a base whose metaclass adds every class
    it makes to a module-level registry that nothing empties (unless the namespace sets a key the
    metaclass checks before registering, such as `{"register": False}`); the same for a `class`
    statement inside such a function, and for a base whose `__init_subclass__` registers every
    subclass. These are reported at medium confidence: a class factory that only runs at import
    time in another module looks the same.
    A helper of the defining module that adds its parameter (`def add_worker(worker):
    _workers.append(worker)`), called per call from another module with a per-call object
    (`add_worker(threading.Thread(...))`), is reported at that call.
    The same holds for a method of another module that adds its parameter to a class-level
    container (`Tracker.track(request)` with `cls._live.append(item)`) or to a container a
    module-level instance made in `__init__` (`service.record(message)` with `service =
    Service()` and `self.history.append(entry)`), unless the class deletes from or rebinds that
    attribute, or any module removes from an attribute of that name.
    A helper of the calling module that adds its own parameter to such a container
    (`def _track(worker): state.ACTIVE_WORKERS.append(worker)`) is judged by what its callers in
    that module pass (`_track(threading.Thread(...))`), and `update({request.id: request})` by the
    keys it writes out.
    Two process-wide tables of the standard library count as such containers: `sys.modules` and
    `linecache.cache`, when the key is a name made unique per call (`f"<generated {uuid4()}>"`,
    `f"mod_{id(obj)}"`).

    ## Why is this bad?
    The container lives as long as its module, i.e. the process, and so does everything added to
    it: every thread, request or frame added per call stays reachable forever. The leak is easy to
    miss in review because the module that fills the container is not the one that defines it, and
    the defining module looks harmless on its own.

    The same holds for a class-level container of another module filled per instance
    (`Plugin.registry.append(self)` in a subclass defined elsewhere), which LKL202 cannot see.

    This is its own code, not LKL201, because the verdict needs the whole project: the container,
    the insertion and any removal sit in different files. The finding is reported at the insertion
    site, where the fix (or a `# noqa: LKL204`) belongs.

    Not flagged: containers that any module of the project removes from (`pop`, `remove`, `clear`,
    `del`, a reassignment, a `len()` check) or hands to code leaklint cannot see; additions at import
    time (module level, decorators, `register*` functions, class hooks) and from test modules;
    additions of constants, names or classes (a finite or vocabulary domain); bounded or weak
    containers (`deque(maxlen=N)`, `WeakSet`, `WeakValueDictionary`).

    ## Known problems
    Under flake8 each file is checked alone, so this rule sees nothing there. Only names imported
    with `from module import NAME` or `import module` / `module.NAME` are followed, not a container
    handed around as an argument. Items that show nothing about their domain (`x`, `key`) are
    reported only with `unknown-keys = true`.

    ## References
    - LKL201 (the same leak inside one module), LKL202 (instances added to a class-level registry).
    """

    code = "LKL204"
    name = "container-grown-from-another-module"
    message = "`{function}()` adds to module-level {kind} `{module}.{name}` per call and no module removes from it"
    project_scope = True
    options = (
        Option(
            "unknown-keys",
            bool,
            False,
            "also flag additions whose items show nothing about their domain (medium confidence)",
        ),
    )
    examples = (
        Bad(
            "import threading\n\nimport example  # stands for the module that defines TMP_THREADS\n\n"
            "TMP_THREADS = []\n\n\ndef run(job):\n    worker = threading.Thread(target=job)\n"
            "    example.TMP_THREADS.append(worker)\n    worker.start()\n"
        ),
        Good(
            "import threading\n\nimport example  # stands for the module that defines TMP_THREADS\n\n"
            "TMP_THREADS = []\n\n\ndef run(job):\n    worker = threading.Thread(target=job)\n"
            "    example.TMP_THREADS.append(worker)\n    try:\n        worker.run()\n    finally:\n"
            "        example.TMP_THREADS.remove(worker)\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.own: Dict[str, Dict[str, Any]] = {}
        self.own_uses: List[cst.Name] = []
        self.foreign_uses: List[cst.BaseExpression] = []
        self.imported: Set[str] = set()
        self.memos: Dict[str, Dict[str, Any]] = {}  # function -> the container it memoises in, by parameter
        self.class_calls: List[cst.Call] = []
        self.module_functions: Set[str] = set()
        self.class_attributes: Set[str] = set()
        self.class_attribute_uses: List[cst.Attribute] = []
        self.removed_attributes: Set[str] = set()
        self.function_references: Dict[str, List[cst.Name]] = {}
        self.type_calls: List[cst.Call] = []  # ``type(name, bases, ns)``
        self.nested_classes: List[cst.ClassDef] = []
        self.imported_calls: List[cst.Call] = []
        self.assignment_cache: Dict[int, dict] = {}
        self.classes: Dict[str, Dict[str, Any]] = {}  # qualified class -> bases and metaclass
        self.class_registries: Dict[str, Dict[str, Any]] = {}  # qualified metaclass -> its registry
        self.method_calls: Dict[str, List[cst.Call]] = {}  # ``self.<method>(...)`` calls, by method name
        self.module_classes: Dict[str, cst.ClassDef] = {}  # module-level classes, by name
        self.singletons: Dict[str, str] = {}  # ``service = Service()`` at module level: name -> class name

    def visit_Module(self, node: cst.Module) -> None:
        seen_other: Set[str] = set()
        for statement in module_level_statements(node.body):
            if not isinstance(statement, (cst.Assign, cst.AnnAssign)):
                continue
            value = statement.value
            if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value[:1].isupper():
                for target in [t.target for t in statement.targets] if isinstance(statement, cst.Assign) else [statement.target]:
                    if isinstance(target, cst.Name):
                        self.singletons[target.value] = value.func.value
            targets = (
                [t.target for t in statement.targets] if isinstance(statement, cst.Assign) else [statement.target]
            )
            kind = container_kind(self.context, statement.value)
            for target in targets:
                if not isinstance(target, cst.Name):
                    continue
                if kind is None or target.value in seen_other or target.value in self.own:
                    seen_other.add(target.value)
                    self.own.pop(target.value, None)
                    continue
                self.own[target.value] = {"kind": kind, "shrinks": False}
        self.imported = {
            name for name, target in self.context.module_bindings.names.items() if target != LOCAL
        }
        self.module_functions = {s.name.value for s in node.body if isinstance(s, cst.FunctionDef)}
        for klass in node.body:
            if isinstance(klass, cst.ClassDef) and isinstance(klass.body, cst.IndentedBlock):
                self._class_containers(klass)
            if isinstance(klass, cst.ClassDef):
                self._class_fact(klass)

    def _class_fact(self, klass: cst.ClassDef) -> None:
        """Bases and metaclass of a module-level class, qualified (for the class registry check)."""
        bases = [self._class_name(b.value) for b in klass.bases if b.keyword is None]
        metaclass = next(
            (self._class_name(k.value) for k in klass.keywords if k.keyword is not None and k.keyword.value == "metaclass"),
            None,
        )
        self.classes[f"{self.context.module_name}.{klass.name.value}"] = {
            "bases": [b for b in bases if b], "metaclass": metaclass,
        }

    def _class_containers(self, klass: cst.ClassDef) -> None:
        """Class-level containers (``registry = []`` in the class body), as ``Class.attr``."""
        for line in klass.body.body:  # type: ignore[union-attr]
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                if isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is not None:
                    targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else [small.target]
                    kind = container_kind(self.context, small.value)
                    for target in targets:
                        if isinstance(target, cst.Name) and kind is not None:
                            self.own[f"{klass.name.value}.{target.value}"] = {
                                "kind": kind, "shrinks": False, "class": klass.name.value
                            }
                            self.class_attributes.add(target.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        # ``x.registry.remove(...)`` anywhere: without types, a removal from any attribute of that
        # name counts for every class-level container of that name (the quiet side).
        if node.attr.value in REMOVE_METHODS and isinstance(node.value, cst.Attribute):
            self.removed_attributes.add(node.value.attr.value)
        elif node.attr.value in self.class_attributes:
            self.class_attribute_uses.append(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.module_functions:
            self.function_references.setdefault(node.value, []).append(node)
        if node.value in self.own:
            self.own_uses.append(node)
        elif node.value in self.imported:
            parent = self.context.parent(node)
            if isinstance(parent, cst.Attribute) and parent.attr is node:
                return
            # Either may be the container: ``TMP_THREADS`` (``from .utils import TMP_THREADS``)
            # or ``utils.REGISTRY`` (``import utils``); the project pass keeps the one that is.
            self.foreign_uses.append(node)
            if isinstance(parent, cst.Attribute) and parent.value is node:
                self.foreign_uses.append(parent)

    def leave_Module(self, node: cst.Module) -> None:
        for name in self.own_uses:
            parent = self.context.parent(name)
            if isinstance(parent, cst.Attribute) and parent.attr is name:
                continue
            if isinstance(parent, cst.Arg) and parent.keyword is name:
                continue
            if self.context.resolve_name(name.value, name) != f"{self.context.module_name}.{name.value}":
                continue
            use = classify_use(self.context, name)
            at_module_level = self.context.enclosing_scope(name) is None
            if use.op == SHRINK and not (at_module_level and use.how == "="):
                self.own[name.value]["shrinks"] = True
            elif use.op == ESCAPE:
                self.own[name.value]["shrinks"] = True
            elif use.op == GROW and use.items and isinstance(use.items[0], cst.Name):
                self._note_memo(name.value, use.items[0], self.context.enclosing_scope(name))
            if use.op == GROW:
                self._note_class_registry(name)
        for attribute in self.class_attribute_uses:
            use = classify_use(self.context, attribute)
            if use.op in (SHRINK, ESCAPE) and self.context.enclosing_scope(attribute) is not None:
                self.removed_attributes.add(attribute.attr.value)
            elif use.op == GROW:
                self._note_class_registry(attribute)

    def _method_adders(self) -> Dict[str, Dict[str, Any]]:
        """``Tracker.track`` (a method that adds its parameter to a class-level container) and
        ``service.record`` (a method of a module-level instance that adds its parameter to a
        container the instance made in ``__init__``), by the name another module calls them with."""
        found: Dict[str, Dict[str, Any]] = {}
        instances: Dict[str, List[str]] = {}
        for name, klass in self.singletons.items():
            instances.setdefault(klass, []).append(name)
        for klass in self.module_classes.values():
            class_level = _class_level_containers(self.context, klass)
            on_self = _init_containers(self.context, klass) if klass.name.value in instances else {}
            if not class_level and not on_self:
                continue
            reset = _reset_attributes(klass)
            class_level = {k: v for k, v in class_level.items() if k not in reset}
            on_self = {k: v for k, v in on_self.items() if k not in reset}
            for method in klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ():
                if not isinstance(method, cst.FunctionDef) or method.name.value.startswith("__"):
                    continue
                added = _added_parameter(method, set(class_level) | set(on_self))
                if added is None:
                    continue
                attribute, index, via_self = added
                if via_self and attribute in on_self:
                    for instance in instances.get(klass.name.value, ()):
                        found[f"{instance}.{method.name.value}"] = {
                            "container": f"{instance}.{attribute}", "attribute": attribute, "index": index,
                            "kind": on_self[attribute], "owner": f"module-level `{instance}`",
                        }
                elif attribute in class_level:
                    found[f"{klass.name.value}.{method.name.value}"] = {
                        "container": f"{klass.name.value}.{attribute}", "attribute": attribute, "index": index,
                        "kind": class_level[attribute], "owner": f"class `{klass.name.value}`",
                    }
        return found

    def _note_memo(self, container: str, key: cst.Name, scope: Optional[cst.CSTNode]) -> None:
        """``def pointer(cls): ... _cache[cls] = ...``: a module function keyed by a parameter."""
        if not isinstance(scope, cst.FunctionDef) or self.context.enclosing_class(scope) is not None:
            return
        if self.context.enclosing_scope(scope) is not None:
            return
        params = [*scope.params.posonly_params, *scope.params.params]
        index = next((i for i, p in enumerate(params) if p.name.value == key.value), None)
        if index is not None:
            self.memos[scope.name.value] = {"container": container, "index": index, "param": key.value}

    def _class_name(self, expr: cst.BaseExpression) -> Optional[str]:
        """The qualified name of a class expression, this module's own classes included."""
        qualified = self.context.qualified_name(expr)
        if qualified is None and isinstance(expr, cst.Name):
            qualified = self.context.resolve_name(expr.value, expr)
        return qualified

    def _note_class_registry(self, name: cst.BaseExpression) -> None:
        """A metaclass's ``__init__``/``__new__``, or a base's ``__init_subclass__``, that adds every
        class it makes to a container of this module (``_registry.setdefault(name, []).append(cls)``,
        ``Plugin.registry.append(cls)``). Guards on the class namespace (``if namespace.get("register",
        True):``) keep their string keys: a class whose namespace sets one of them may be kept out."""
        scope = self.context.enclosing_scope(name)
        if not isinstance(scope, cst.FunctionDef):
            return
        klass = self.context.enclosing_class(scope)
        if klass is None:
            return
        hook = scope.name.value == "__init_subclass__"
        if not hook and not (scope.name.value in ("__init__", "__new__") and _is_metaclass(self.context, klass)):
            return
        if isinstance(name, cst.Attribute):
            container = f"{klass.name.value}.{name.attr.value}"
            if container not in self.own:
                return
        else:
            container = name.value  # type: ignore[attr-defined]
        params = {p.name.value for p in scope.params.params[0 if hook else 1:]}
        guard_keys: List[str] = []
        for ancestor in self.context.ancestors(name):
            if ancestor is scope:
                break
            if isinstance(ancestor, (cst.If, cst.IfExp, cst.While)):
                names = {n.value for n in walk(ancestor.test) if isinstance(n, cst.Name)}
                if names & params:
                    keys = [k.evaluated_value for k in walk(ancestor.test) if isinstance(k, cst.SimpleString)]
                    if not keys:
                        return  # kept out by a test we cannot read
                    guard_keys.extend(str(k) for k in keys)
        self.class_registries[f"{self.context.module_name}.{klass.name.value}"] = {
            "container": container, "module": self.context.module_name, "guard_keys": guard_keys, "hook": hook,
        }

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if node.bases and isinstance(self.context.enclosing_scope(node), cst.FunctionDef):
            self.nested_classes.append(node)  # a ``class`` statement run on every call
        elif self.context.enclosing_scope(node) is None and self.context.enclosing_class(node) is None:
            self.module_classes[node.name.value] = node

    def visit_Call(self, node: cst.Call) -> None:
        if any(builds_class_per_call(self.context, arg.value) for arg in node.args if arg.keyword is None):
            self.class_calls.append(node)
        if isinstance(node.func, cst.Name) and node.func.value == "type" and len(node.args) == 3:
            self.type_calls.append(node)
        head = node.func.value if isinstance(node.func, cst.Attribute) else node.func
        if isinstance(head, cst.Name) and head.value in self.imported and node.args:
            self.imported_calls.append(node)
        if isinstance(node.func, cst.Attribute) and isinstance(head, cst.Name) and head.value in ("self", "cls") and node.args:
            self.method_calls.setdefault(node.func.attr.value, []).append(node)

    def _assignments(self, scope: Optional[cst.CSTNode]) -> dict:
        """``local_assignments(scope)``, walked once per scope however many calls it holds."""
        if id(scope) not in self.assignment_cache:
            self.assignment_cache[id(scope)] = local_assignments(scope) if scope is not None else {}
        return self.assignment_cache[id(scope)]

    def _imported_call_fact(self, call: cst.Call) -> Optional[Dict[str, Any]]:
        """A call per call to a function of another module with per-call arguments
        (``utils.add_worker(worker)`` where ``worker`` is a new thread): positions and evidence."""
        scope = self.context.enclosing_scope(call)
        function = self._per_call_function(scope)
        if function is None:
            return None
        positional = [arg for arg in call.args if arg.keyword is None]
        if any(arg.star for arg in positional):
            return None
        strong = {}
        assignments = self._assignments(scope)
        for index, arg in enumerate(positional):
            evidence = items_evidence(self.context, [arg.value], scope, assignments=assignments)
            if evidence in (OBJECT, WORKLOAD):
                strong[str(index)] = [evidence, describe_pinned(self.context, [arg.value], None, scope, assignments)]
        callee = self.context.qualified_name(call.func)
        if not strong or callee is None:
            return None
        location = self.context.location(call)
        return {
            "callee": callee,
            "arguments": strong,
            "function": function,
            "location": [location.line, location.column, location.end_line, location.end_column],
            "text": first_line_text(self.context, call),
        }

    def _nested_class_fact(self, klass: cst.ClassDef) -> Optional[Dict[str, Any]]:
        """``class ArgSchema(Schema): ...`` inside a function that runs per call."""
        function = self._per_call_function(self.context.enclosing_scope(klass))
        if function is None:
            return None
        bases = [self._class_name(b.value) for b in klass.bases if b.keyword is None]
        keys: List[str] = []
        if isinstance(klass.body, cst.IndentedBlock):
            for line in klass.body.body:
                if isinstance(line, cst.SimpleStatementLine):
                    for small in line.body:
                        if isinstance(small, cst.Assign):
                            keys.extend(t.target.value for t in small.targets if isinstance(t.target, cst.Name))
                        elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                            keys.append(small.target.value)
        location = self.context.location(klass.name)
        return {
            "function": function,
            "bases": [b for b in bases if b],
            "namespace_keys": keys,
            "location": [location.line, location.column, location.end_line, location.end_column],
            "text": f"class {klass.name.value}(...)",
        }

    def _type_call_fact(self, call: cst.Call) -> Optional[Dict[str, Any]]:
        """``type(name, (Base,), ns)`` in a function that runs per call."""
        if self.context.qualified_name(call.func) != "builtins.type" or any(arg.keyword or arg.star for arg in call.args):
            return None
        function = self._per_call_function(self.context.enclosing_scope(call))
        bases_node, namespace = call.args[1].value, call.args[2].value
        if function is None or not isinstance(bases_node, (cst.Tuple, cst.List)):
            return None
        bases = [self._class_name(e.value) for e in bases_node.elements if not isinstance(e, cst.StarredElement)]
        keys: List[str] = []
        if isinstance(namespace, cst.Dict):
            keys = [str(e.key.evaluated_value) for e in namespace.elements if isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString)]
        location = self.context.location(call)
        return {
            "function": function,
            "bases": [b for b in bases if b],
            "namespace_keys": keys,
            "location": [location.line, location.column, location.end_line, location.end_column],
            "text": first_line_text(self.context, call, 50),
        }

    def _class_call_fact(self, call: cst.Call) -> Optional[Dict[str, Any]]:
        """A call in a function that passes a class made per call to a function of another module."""
        callee = self.context.qualified_name(call.func)
        scope = self.context.enclosing_scope(call)
        function = self._per_call_function(scope)
        if callee is None or function is None:
            return None
        positional = [arg for arg in call.args if arg.keyword is None]
        if any(arg.star for arg in positional):
            return None
        indices = [i for i, arg in enumerate(positional) if builds_class_per_call(self.context, arg.value)]
        location = self.context.location(call)
        return {
            "callee": callee,
            "indices": indices,
            "function": function,
            "argument": first_line_text(self.context, positional[indices[0]].value, 40),
            "location": [location.line, location.column, location.end_line, location.end_column],
            "text": first_line_text(self.context, call),
        }

    def file_facts(self) -> Optional[Dict[str, Any]]:
        foreign = [fact for fact in (self._foreign_fact(expr) for expr in self.foreign_uses) if fact is not None]
        containers = {name: data for name, data in self.own.items()}
        class_calls = [fact for fact in map(self._class_call_fact, self.class_calls) if fact is not None]
        type_calls = [fact for fact in map(self._type_call_fact, self.type_calls) if fact is not None]
        type_calls += [fact for fact in map(self._nested_class_fact, self.nested_classes) if fact is not None]
        imported_calls = [fact for fact in map(self._imported_call_fact, self.imported_calls) if fact is not None]
        method_adders = self._method_adders() if imported_calls or self.module_classes else {}
        if not foreign and not method_adders and not containers and not class_calls and not self.removed_attributes and not type_calls and not self.classes and not imported_calls:
            return None
        return {
            "module": self.context.module_name,
            "containers": containers,
            "uses": foreign,
            "memos": self.memos,
            "class_calls": class_calls,
            "removed_attributes": sorted(self.removed_attributes),
            "type_calls": type_calls,
            "imported_calls": imported_calls,
            "method_adders": method_adders,
            "classes": self.classes,
            "class_registries": self.class_registries,
        }

    def _foreign_fact(self, expr: cst.BaseExpression) -> Optional[Dict[str, Any]]:
        use = classify_use(self.context, expr)
        if use.op not in (GROW, SHRINK, ESCAPE):
            return None  # (most uses: decided before the cost of resolving the name)
        target = self.context.qualified_name(expr)
        if target is None:
            return None
        fact: Dict[str, Any] = {"target": target, "op": use.op, "how": use.how}
        if use.op != GROW:
            return fact
        scope = self.context.enclosing_scope(expr)
        function = self._per_call_function(scope)
        if function is None:
            return None
        assignments = self._assignments(scope)
        evidence = items_evidence(self.context, use.items, scope, assignments=assignments)
        if evidence == FINITE:
            return None
        if use.how == "update" and evidence == WORKLOAD and not _updates_with_display(self.context, expr):
            evidence = VOCABULARY  # ``DEFAULTS.update(user_settings)``: its keys are names, whatever the mapping is called
        pins = describe_pinned(self.context, use.items, use.value, scope, assignments)
        if evidence == UNKNOWN and isinstance(scope, cst.FunctionDef):
            # ``_track(worker)``: a helper that adds its parameter, judged by what its callers pass.
            evidence, pins, function = self._through_callers(scope, use.items, pins, function)
        location = self.context.location(expr)
        fact.update(
            {
                "function": function,
                "evidence": evidence,
                "pins": pins,
                "location": [location.line, location.column, location.end_line, location.end_column],
                "text": _site_text(self.context, expr),
            }
        )
        return fact

    def _through_callers(
        self, scope: cst.FunctionDef, items: Any, pins: str, function: str
    ) -> "tuple[str, str, str]":
        """(evidence, pins, function) for a growth whose item is ``scope``'s parameter: what the
        calls of ``scope`` in this module pass for it, judged where they are made."""
        item = items[0] if items and len(items) == 1 else None
        if not isinstance(item, cst.Name):
            return UNKNOWN, pins, function
        def calls_of(function: cst.FunctionDef) -> List[cst.Call]:
            name = function.name.value
            if self.context.enclosing_class(function) is not None:
                return self.method_calls.get(name, [])
            return [
                call for call in (self.context.parent(r) for r in self.function_references.get(name, []))
                if isinstance(call, cst.Call) and isinstance(call.func, cst.Name)
            ]

        evidence, argument, call = caller_evidence(self.context, scope, item.value, calls_of)
        if argument is None or call is None or evidence not in (OBJECT, WORKLOAD):
            return UNKNOWN, pins, function
        caller_scope = self.context.enclosing_scope(call)
        caller = self._per_call_function(caller_scope)
        if caller is None:
            return UNKNOWN, pins, function
        passed = describe_pinned(self.context, [argument], None, caller_scope, self._assignments(caller_scope))
        return evidence, f"{passed} from `{caller}()`", function

    def _per_call_function(self, scope: Optional[cst.CSTNode]) -> Optional[str]:
        """The function's name when it runs per call: not at import time, not in a test module."""
        if not isinstance(scope, cst.FunctionDef):
            return None
        module_tail = self.context.module_name.rsplit(".", 1)[-1]
        if module_tail.startswith("test") or module_tail == "conftest" or "tests" in self.context.module_name.split("."):
            return None
        name = scope.name.value
        if "register" in name.lower() or name in CLASS_DEFINITION_HOOKS or name.startswith("pytest_"):
            return None
        for ancestor in [scope, *self.context.ancestors(scope)]:
            if isinstance(ancestor, cst.FunctionDef) and (ancestor.decorators and _is_setup_decorated(ancestor)):
                return None
            if isinstance(ancestor, cst.FunctionDef) and returns_a_parameter(ancestor):
                return None  # a decorator: runs once per decorated definition
        if self._called_only_at_import(scope):
            return None
        klass = self.context.enclosing_class(scope)
        return f"{klass.name.value}.{name}" if klass is not None else name

    def _called_only_at_import(self, scope: cst.FunctionDef) -> bool:
        """A module function whose every use in the module is a call at module level (and that
        other modules cannot see by a public name): it runs once, at import."""
        name = scope.name.value
        if name not in self.module_functions or not name.startswith("_"):
            return False
        references = [r for r in self.function_references.get(name, []) if r is not scope.name]
        if not references:
            return False
        for reference in references:
            call = self.context.parent(reference)
            if not (isinstance(call, cst.Call) and call.func is reference):
                return False
            if self.context.enclosing_scope(call) is not None or self.context.enclosing_class(call) is not None:
                return False
        return True

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        containers: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            if data is None:
                continue
            for name, container in data["containers"].items():
                containers[f"{data['module']}.{name}"] = dict(container)
        for registry in _PROCESS_REGISTRIES:
            containers.setdefault(registry, {"kind": "dict", "shrinks": False, "registry": True})
        emptied: Set[str] = {target for target, container in containers.items() if container["shrinks"]}
        removed_attributes: Set[str] = set()
        for data in facts.values():
            removed_attributes.update((data or {}).get("removed_attributes", ()))
            for use in (data or {}).get("uses", ()):
                if use["op"] in (SHRINK, ESCAPE):
                    emptied.add(use["target"])
        for target in containers:
            owner, _, attribute = target.rpartition(".")
            if attribute in removed_attributes and owner.rpartition(".")[2][:1].isupper():
                emptied.add(target)  # (``Class.attr``: emptied through some ``x.attr``)
        findings: List[Finding] = []
        for path in sorted(facts):
            data = facts[path]
            for use in (data or {}).get("uses", ()):
                if use["op"] != GROW or use["target"] in emptied or use["target"] not in containers:
                    continue
                container = containers[use["target"]]
                evidence = use["evidence"]
                if evidence == VOCABULARY or (evidence == UNKNOWN and not settings.get("unknown-keys")):
                    continue
                if container.get("registry") and (evidence != OBJECT or use["how"] != "[]="):
                    continue  # a process registry: only names made unique per call
                if use["how"] == "|=" and evidence == WORKLOAD:
                    continue  # ``DEFAULTS |= user_settings``: its keys are names, whatever the mapping is called
                confidence = Confidence.HIGH if evidence in (OBJECT, WORKLOAD) else Confidence.MEDIUM
                findings.append(cls._finding(path, use, container, confidence))
        findings.extend(cls._class_memo_findings(facts, containers, emptied))
        findings.extend(cls._adder_findings(facts, containers, emptied))
        findings.extend(cls._method_adder_findings(facts, removed_attributes))
        findings.extend(cls._class_registry_findings(facts, containers, emptied))
        return findings

    @classmethod
    def _method_adder_findings(cls, facts: Mapping[str, Any], removed_attributes: Set[str]) -> List[Finding]:
        """``Tracker.track(request)`` or ``service.record(message)`` per call, where the method of
        another module adds its parameter to a class-level container, or to a container of a
        module-level instance, and no module removes from an attribute of that name."""
        adders: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            for name, adder in ((data or {}).get("method_adders") or {}).items():
                adders[f"{data['module']}.{name}"] = {**adder, "module": data["module"]}
        findings: List[Finding] = []
        if not adders:
            return findings
        for path in sorted(facts):
            data = facts[path] or {}
            for call in data.get("imported_calls") or ():
                adder = adders.get(call["callee"])
                if adder is None or adder["module"] == data.get("module") or adder["attribute"] in removed_attributes:
                    continue
                argument = call["arguments"].get(str(adder["index"]))
                if argument is None:
                    continue
                kind = adder["kind"] if adder["kind"] in ("list", "dict", "set") else f"`{adder['kind']}`"
                callee = call["callee"].rsplit(".", 2)
                shown = f"{callee[-2]}.{callee[-1]}"
                message = (
                    f"`{call['function']}()` hands {argument[1]} to `{shown}()` on every call (`{call['text']}`), and "
                    f"`{shown}` adds it to {kind} `{adder['container']}` of {adder['owner']} in `{adder['module']}`, "
                    "which no module removes from: everything added stays alive as long as the process"
                )
                suggestion = (
                    f"remove the entry when it is done with (a matching removal next to `{shown}` in `{adder['module']}`, "
                    f"called from a `finally` here), or bound `{adder['container']}` "
                    "(`collections.deque(maxlen=N)` for a list)"
                )
                line, column, end_line, end_column = call["location"]
                confidence = Confidence.HIGH if argument[0] == OBJECT else Confidence.MEDIUM
                findings.append(
                    Finding(path, cls.code, cls.name, message, suggestion, Location(line, column, end_line, end_column), confidence)
                )
        return findings

    @classmethod
    def _adder_findings(
        cls, facts: Mapping[str, Any], containers: Dict[str, Dict[str, Any]], emptied: Set[str]
    ) -> List[Finding]:
        """``utils.add_worker(worker)`` per call, where ``add_worker`` of another module adds its
        parameter to a module-level container there that no module empties."""
        adders: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            for function, memo in ((data or {}).get("memos") or {}).items():
                adders[f"{data['module']}.{function}"] = {**memo, "module": data["module"]}
        findings: List[Finding] = []
        for path in sorted(facts):
            data = facts[path] or {}
            for call in data.get("imported_calls") or ():
                adder = adders.get(call["callee"])
                if adder is None or adder["module"] == data.get("module"):
                    continue
                argument = call["arguments"].get(str(adder["index"]))
                target = f"{adder['module']}.{adder['container']}"
                if argument is None or target in emptied or target not in containers:
                    continue
                kind = containers[target]["kind"]
                callee = call["callee"].rsplit(".", 1)[-1]
                message = (
                    f"`{call['function']}()` hands {argument[1]} to `{callee}()` on every call (`{call['text']}`), and "
                    f"`{callee}` adds it to module-level {kind if kind in ('list', 'dict', 'set') else '`' + kind + '`'} "
                    f"`{adder['container']}` of `{adder['module']}`, which no module empties: everything added stays "
                    f"alive as long as the process"
                )
                suggestion = (
                    f"remove the entry when it is done with (a matching removal next to `{callee}` in "
                    f"`{adder['module']}`, called from a `finally` here), or bound `{adder['container']}`"
                )
                line, column, end_line, end_column = call["location"]
                confidence = Confidence.HIGH if argument[0] == OBJECT else Confidence.MEDIUM
                findings.append(
                    Finding(path, cls.code, cls.name, message, suggestion, Location(line, column, end_line, end_column), confidence)
                )
        return findings

    @classmethod
    def _class_registry_findings(
        cls, facts: Mapping[str, Any], containers: Dict[str, Dict[str, Any]], emptied: Set[str]
    ) -> List[Finding]:
        """``type("ArgSchema", (Schema,), ns)`` per call, where ``Schema``'s metaclass adds every
        class it makes to a module-level registry that nothing empties: a class kept per call."""
        classes: Dict[str, Dict[str, Any]] = {}
        registries: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            classes.update((data or {}).get("classes") or {})
            registries.update((data or {}).get("class_registries") or {})
        if not registries:
            return []
        findings: List[Finding] = []
        for path in sorted(facts):
            for call in (facts[path] or {}).get("type_calls") or ():
                found = _registering_base(call["bases"], classes, registries)
                if found is None:
                    continue
                base, metaclass, registry = found
                target = f"{registry['module']}.{registry['container']}"
                if target in emptied or target not in containers:
                    continue
                if set(registry["guard_keys"]) & set(call["namespace_keys"]):
                    continue  # the namespace sets the flag the metaclass checks
                module = registry["module"]
                maker = (
                    f"`{metaclass.rsplit('.', 1)[-1]}.__init_subclass__`" if registry.get("hook")
                    else f"metaclass `{metaclass.rsplit('.', 1)[-1]}` of `{base.rsplit('.', 1)[-1]}`"
                )
                message = (
                    f"`{call['function']}()` builds a new class per call (`{call['text']}`), and {maker} adds every class it makes to "
                    f"{'class-level' if '.' in registry['container'] else 'module-level'} `{registry['container']}` of `{module}`, which nothing empties: one class, with "
                    f"its namespace, is kept per call for good"
                )
                suggestion = (
                    f"build the class once per distinct input (cache the function that makes it with "
                    f"`functools.lru_cache(maxsize=N)`), or keep generated classes out of `{registry['container']}` "
                    f"(a namespace flag checked before registering)"
                )
                line, column, end_line, end_column = call["location"]
                findings.append(
                    Finding(path, cls.code, cls.name, message, suggestion, Location(line, column, end_line, end_column), Confidence.MEDIUM)
                )
        return findings

    @classmethod
    def _class_memo_findings(
        cls, facts: Mapping[str, Any], containers: Dict[str, Dict[str, Any]], emptied: Set[str]
    ) -> List[Finding]:
        """``pointer(c_ubyte * n)`` in one module, ``_cache[cls] = ...`` in ``pointer`` of another:
        the memo gains a class per call, and classes are never freed while it holds them."""
        memos: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            for function, memo in ((data or {}).get("memos") or {}).items():
                memos[f"{data['module']}.{function}"] = {**memo, "module": data["module"]}
        findings: List[Finding] = []
        for path in sorted(facts):
            data = facts[path] or {}
            for call in data.get("class_calls") or ():
                memo = memos.get(call["callee"])
                if memo is None or memo["index"] not in call["indices"]:
                    continue
                target = f"{memo['module']}.{memo['container']}"
                if target in emptied or target not in containers or memo["module"] == data.get("module"):
                    continue  # (within one module LKL201 reports it)
                callee = call["callee"].rsplit(".", 1)[-1]
                message = (
                    f"`{call['function']}()` passes a class made per call (`{call['argument']}`) to `{callee}()`, "
                    f"which memoises it in module-level `{memo['container']}` of `{memo['module']}` under "
                    f"`{memo['param']}`: one new class, and its entry, is kept for every call"
                )
                suggestion = (
                    f"make the class once (at import time, or cache it by its size with "
                    f"`functools.lru_cache(maxsize=N)`), or bound `{memo['container']}` in `{memo['module']}` "
                    f"(an `OrderedDict` that evicts its oldest entry)"
                )
                line, column, end_line, end_column = call["location"]
                findings.append(
                    Finding(path, cls.code, cls.name, message, suggestion, Location(line, column, end_line, end_column), Confidence.HIGH)
                )
        return findings

    @classmethod
    def _finding(cls, path: str, use: Dict[str, Any], container: Dict[str, Any], confidence: Confidence) -> Finding:
        module, _, name = use["target"].rpartition(".")
        kind = container["kind"] if container["kind"] in ("list", "dict", "set") else f"`{container['kind']}`"
        level = "module-level"
        if container.get("class"):
            module = module.rpartition(".")[0]
            name = f"{container['class']}.{name}"
            level = "class-level"
        message = (
            f"`{use['function']}()` adds {use['pins']} to {level} {kind} `{name}` of `{module}` "
            f"in `{use['text']}` on every call, and no module removes from it: everything added stays alive "
            f"as long as the process"
        )
        if use["target"] in _PROCESS_REGISTRIES:
            suggestion = _PROCESS_REGISTRIES[use["target"]]
        elif use["pins"].startswith("the instance"):
            weak = "weakref.WeakValueDictionary()" if container["kind"] not in _SEQUENCE_KINDS | {"set"} else "weakref.WeakSet()"
            suggestion = (
                f"make `{name}` a `{weak}` in `{module}` so it does not keep every instance alive, "
                f"or remove `self` from it when the instance is closed"
            )
        elif container["kind"] in _SEQUENCE_KINDS:
            suggestion = (
                f"remove the entry when it is done with (`{name}.remove(...)`, e.g. in a `finally` or when the "
                f"thread ends), or keep only the latest with `collections.deque(maxlen=N)` in `{module}`"
            )
        elif container["kind"] == "set":
            suggestion = f"discard the item when it is done with (`{name}.discard(...)`), or bound the set's size"
        else:
            suggestion = (
                f"pop the entry when its object is closed (`{name}.pop(key, None)`), or bound `{name}` "
                f"(`functools.lru_cache(maxsize=N)` or an `OrderedDict` that evicts its oldest entry)"
            )
        line, column, end_line, end_column = use["location"]
        return Finding(path, cls.code, cls.name, message, suggestion, Location(line, column, end_line, end_column), confidence)


def _registering_base(
    bases: List[str], classes: Dict[str, Dict[str, Any]], registries: Dict[str, Dict[str, Any]]
) -> Optional[tuple]:
    """(base, metaclass, registry) when a class with these bases is made by a registering
    metaclass: the bases' own metaclass, or one inherited through bases of the project."""
    pending = [(base, base) for base in bases]
    seen: Set[str] = set()
    while pending:
        first, name = pending.pop(0)
        if name in seen or len(seen) > 50:
            continue
        seen.add(name)
        registry = registries.get(name)
        if registry is not None and registry.get("hook"):
            return first, name, registry  # ``__init_subclass__`` of ``name`` registers every subclass
        data = classes.get(name)
        if data is None:
            continue
        metaclass = data.get("metaclass")
        if metaclass in registries:
            return first, metaclass, registries[metaclass]
        pending.extend((first, parent) for parent in data.get("bases") or ())
    return None


def _is_metaclass(context: Any, klass: cst.ClassDef) -> bool:
    for base in klass.bases:
        if base.keyword is not None:
            continue
        qualified = context.qualified_name(base.value) or ""
        if qualified in ("builtins.type", "abc.ABCMeta") or qualified.endswith("Meta"):
            return True
    return False


def _is_setup_decorated(function: cst.FunctionDef) -> bool:
    """``@pytest.fixture``, ``@app.on_event("startup")``...: decorated setup code, run once."""
    for decorator in function.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            expression = expression.func
        text = expression.attr.value if isinstance(expression, cst.Attribute) else getattr(expression, "value", "")
        if text in ("fixture", "on_startup", "on_event", "setup", "before_first_request", "cache", "lru_cache"):
            return True
    return False


def _site_text(context: Any, expr: cst.BaseExpression) -> str:
    """The insertion as written: ``TMP_THREADS.append(worker)``, ``utils.REGISTRY[request.id] = ...``."""
    parent = context.parent(expr)
    if isinstance(parent, cst.Attribute):
        call = context.parent(parent)
        return first_line_text(context, call if isinstance(call, cst.Call) else parent)
    if isinstance(parent, cst.Subscript):
        return first_line_text(context, parent) + " = ..."
    return first_line_text(context, parent if parent is not None else expr)


def _updates_with_display(context: Any, expr: cst.BaseExpression) -> bool:
    """``REGISTRY.update({request.id: request})``: the keys are written out, not a mapping's name."""
    attribute = context.parent(expr)
    call = context.parent(attribute) if isinstance(attribute, cst.Attribute) else None
    if not isinstance(call, cst.Call) or not call.args:
        return False
    return all(isinstance(arg.value, cst.Dict) for arg in call.args if arg.keyword is None)


_ADD_METHODS = frozenset({"append", "add", "insert", "appendleft"})


def _assigned_containers(context: Any, block: cst.BaseSuite) -> Iterator[Tuple[cst.BaseExpression, str]]:
    """(target, container kind) for each ``target = <container>`` statement directly in ``block``."""
    for line in block.body if isinstance(block, cst.IndentedBlock) else ():
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for small in line.body:
            if isinstance(small, cst.Assign) and len(small.targets) == 1:
                target, value = small.targets[0].target, small.value
            elif isinstance(small, cst.AnnAssign) and small.value is not None:
                target, value = small.target, small.value
            else:
                continue
            kind = container_kind(context, value)
            if kind is not None:
                yield target, kind


def _class_level_containers(context: Any, klass: cst.ClassDef) -> Dict[str, str]:
    """Containers assigned in the class body (``_live: List[Any] = []``): attribute -> kind."""
    return {target.value: kind for target, kind in _assigned_containers(context, klass.body)
            if isinstance(target, cst.Name)}


def _init_containers(context: Any, klass: cst.ClassDef) -> Dict[str, str]:
    """Containers ``__init__`` makes on ``self`` (``self.history = []``): attribute -> kind."""
    found: Dict[str, str] = {}
    for method in klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ():
        if isinstance(method, cst.FunctionDef) and method.name.value == "__init__":
            for target, kind in _assigned_containers(context, method.body):
                if (isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name)
                        and target.value.value == "self"):
                    found[target.attr.value] = kind
    return found


def _added_parameter(method: cst.FunctionDef, attributes: Set[str]) -> "Optional[tuple]":
    """(attribute, argument index, through self) when the method adds one of its parameters to
    ``cls.<attribute>``, ``self.<attribute>`` or ``<Class>.<attribute>`` and removes nothing from it."""
    params = [p.name.value for p in (*method.params.posonly_params, *method.params.params)]
    static = any(isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod" for d in method.decorators)
    positional = params if static else params[1:]
    added = None
    for node in walk(method):
        if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)):
            continue
        receiver = node.func.value
        if not (isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name)):
            continue
        if receiver.attr.value not in attributes:
            continue
        if node.func.attr.value not in _ADD_METHODS:
            return None  # the method also removes, reads into, or resets it: not a plain adder
        item = node.args[-1].value if node.args else None
        if isinstance(item, cst.Name) and item.value in positional:
            added = (receiver.attr.value, positional.index(item.value), receiver.value.value == "self")
    return added


def _reset_attributes(klass: cst.ClassDef) -> Set[str]:
    """Attributes the class deletes from (``del self.x[k]``) or rebinds outside ``__init__``."""
    found: Set[str] = set()
    # By exact node type from the engine's index (a filtered slice), not a Python loop over
    # every node of the class and again over every method's nodes.
    for node in walk_type(klass, cst.Del):
        for target in walk(node.target):
            if isinstance(target, cst.Subscript) and isinstance(target.value, cst.Attribute):
                found.add(target.value.attr.value)
    for function in walk_type(klass, cst.FunctionDef):
        if function.name.value != "__init__":
            for inner in walk_type(function, cst.AssignTarget):
                if isinstance(inner.target, cst.Attribute):
                    found.add(inner.target.attr.value)
    return found
