"""LKL212: a handler added to a process-lifetime logger on every call, instance or request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Union

import libcst as cst

from leaklint import models
from leaklint.analysis.growth_facts import first_line_text, is_test_module, recorded_targets
from leaklint.analysis.lifetimes import INIT_METHODS, assigned_values, first_param, method_owner
from leaklint.analysis.names import decorator_name, dotted_name, parameter_names
from leaklint.analysis.walk import walk, walk_scope
from leaklint.rule import Bad, Confidence, Edit, Finding, Fix, FixSafety, Good, Location, Rule

# Calls whose result is a logger that the logging manager keeps for the life of the process.
_LOGGER_CALLS = frozenset({"logging.getLogger"})
_LOGGER_VALUES = frozenset({"logging.root"})
# Reads that show the code looks at what a logger already has before adding to it.
_INSPECTING_ATTRIBUTES = frozenset({"handlers", "hasHandlers", "loggerDict", "filters"})
# ``logger.handlers.<method>()`` calls that remove handlers.
_HANDLER_LIST_REMOVALS = frozenset({"clear", "remove", "pop"})
# What is added, the logger's method that adds it, its inverse and the list it lands in:
# ``logging.Filterer.addFilter`` appends to ``self.filters`` exactly as ``addHandler`` does to
# ``self.handlers`` (each only skips an object already there).
_ADDERS = {"addHandler": "handler", "addFilter": "filter"}
_INVERSES = {"handler": ("removeHandler", "handlers"), "filter": ("removeFilter", "filters")}
# Methods run once per class, not per instance.
_CLASS_HOOKS = frozenset({"__init_subclass__", "__set_name__", "__class_getitem__"})
# Decorators that make a function run once (per distinct argument) or only from the command line.
_ONCE_DECORATORS = ("cache", "lru_cache", "cached", "memoize", "fixture", "command", "group", "callback", "main")
_ENTRY_NAMES = frozenset({"main", "_main", "cli", "run_cli"})

Expr = cst.BaseExpression
Function = cst.FunctionDef


@dataclass
class _Site:
    call: cst.Call  # ``logger.addHandler(handler)``
    function: Function
    logger: Expr  # the receiver as written
    handler: Expr  # the added handler (or filter) as written
    kind: str = "handler"  # or "filter"


class LoggingHandlerAddedPerCall(Rule):
    """
    ## What it does
    Flags `logger.addHandler(handler)` (or `logger.handlers.append(handler)`) on a logger that the
    logging manager keeps for the life of the process (`logging.getLogger(...)`, `logging.root`,
    a module-level or `self` attribute holding one, a function of the project that returns one)
    when the handler is made afresh each time (`logging.StreamHandler()`, `FileHandler(path)`,
    a factory of the module, or `self.handler` made in `__init__`) and the code runs more than once: a
    helper that returns the logger to every caller, an `__init__` (once per instance), an instance
    method (once per run, request or mount), or a function the module calls from other functions.

    ## Why is this bad?
    `logging.getLogger(name)` returns the same logger for a name every time, and the manager keeps
    it until the interpreter exits; the logger keeps every handler added to it. A new handler per
    call is a handler (and its formatter, its stream, its lock) kept for good, and each record is
    then emitted once per handler: the classic "every log line printed N times". Each leaked
    `FileHandler` also keeps a file descriptor open, so a long-running process ends with
    `Too many open files`. A logger named per object (`getLogger(f"job.{self.id}")`) leaks the
    logger itself too (LKL108 reports the name).

    Not flagged: `addHandler` at module level or in `main()`/a CLI command, a guard that looks at
    the logger first (`if not logger.handlers:`, `logger.hasHandlers()`, a check of
    `logger.level`, a loop over `logger.handlers`, `loggerDict`) or at a flag the function sets
    (`if not _configured: ... _configured = True`), a function cached with `lru_cache`, a handler
    that is not new (a module-level handler or a parameter: `addHandler` ignores a handler already
    attached), `removeHandler`/`logger.handlers.clear()`/`logger.handlers = [...]` in the same
    function, the same class or (for functions) the same module, and test modules.
    `logging.basicConfig` and `logging.config.dictConfig` replace rather than add, so they are
    never reported.

    ## Fix safety
    The fix wraps the statement in `if not logger.handlers:`, so the handler is made and added
    only while the logger has none. It is unsafe: a logger that already has another handler
    (added elsewhere, on purpose) no longer gets this one. It is offered only when the handler is
    constructed inside the `addHandler(...)` call itself (a handler made by an earlier statement
    would still be made, and its file opened, on every call) and the logger is a plain name or
    attribute, and not for handlers added per instance: there a guard would leave every object
    after the first without its handler, and the fix is by hand (keep the handler on the instance,
    remove and close it in the object's `close()`).

    A set-up function that returns the logger (`configure_logger()`, `setup_logging()`) is
    reported like any other: its name does not say how often it runs, and upstream fixes of
    handlers added per set-up call (once per instance, per test, per reconnection) are common.

    ## Known problems
    How often the code runs is judged within its module. A function or method this module calls
    from code that runs repeatedly (a method, or a function such code calls) is reported at high
    confidence, as is an `__init__` of a class that a function of the module instantiates; code the
    module runs only at import or from `main()` (a function, a method, or the `__init__` of an
    object made once at module level) is not reported: each module calling `setup_logger(__name__)`
    once adds one handler to its own logger. A helper that returns the logger and that nothing in
    its module calls (its callers are elsewhere) is reported at medium confidence, as are an
    `__init__` and other instance methods whose callers are not in the module (an object made once
    at start-up adds one handler); a `FileHandler` per instance is high. A configuration function
    that returns nothing and that its own module never calls is not reported, nor is a logger
    passed in as a parameter (unless it defaults to `None`, see below). A logger returned by a
    function of another module of the project (`from .log import get_logger`) is followed in the project pass; under flake8, which sees one
    file at a time, it is not; the same holds for a module-level logger imported from another
    module of the project (`from package import log`).

    Filters pile up the same way: `logger.addFilter(SecretsFilter(password))` per call or per
    instance is reported like a handler (`Filterer.addFilter` appends to `logger.filters` and
    only skips an object already there), unless the project calls `removeFilter` (or changes
    `logger.filters`) where it would for a handler. A filter added to a new handler goes with it.

    A public set-up function that its module already runs at import (directly or through a
    function called at module level) is reported at medium confidence when the logger's name is
    fixed in the code (`getLogger(__name__)`, `getLogger("app")`, the root logger): any later
    call, from a command-line option or an application reconfiguring, adds a second handler to
    the same logger. When the caller names the logger (`setup_logger(name)`) or the module is a
    script (`if __name__ == "__main__":`), one call per name is the norm and it stays quiet. A
    logger parameter that defaults to `None` and is replaced by `logging.getLogger(...)` counts
    as that logger.

    ## References
    - Python logging HOWTO: "Multiple calls to getLogger() with the same name will return a
      reference to the same logger object" and the logging cookbook's warnings about adding
      handlers more than once.
    - LKL108 (a logger named per call), LKL302 (a `FileHandler` that is never closed).
    """

    code = "LKL212"
    name = "logging-handler-added-per-call"
    fix_title = "add the handler only when the logger has none (`if not logger.handlers:`)"
    fix_safety = FixSafety.UNSAFE
    trigger_names = ("addHandler", "addFilter", "getLogger")
    project_scope = True
    message = "`{logger}.addHandler(...)` adds a new handler to a process-lifetime logger on every call of `{function}()`"
    examples = (
        Bad(
            "import logging\n\n\ndef get_logger(name):\n    logger = logging.getLogger(name)\n"
            "    logger.addHandler(logging.StreamHandler())\n    return logger\n",
            fixed=(
                "import logging\n\n\ndef get_logger(name):\n    logger = logging.getLogger(name)\n"
                "    if not logger.handlers:\n        logger.addHandler(logging.StreamHandler())\n    return logger\n"
            ),
            unsafe=True,
        ),
        Bad(
            "import logging\n\n\nclass Job:\n    def __init__(self, path):\n"
            "        self.log = logging.getLogger(__name__)\n"
            "        self.log.addHandler(logging.FileHandler(path))\n"
        ),
        Good(
            "import logging\n\n\ndef get_logger(name):\n    logger = logging.getLogger(name)\n"
            "    if not logger.handlers:\n        logger.addHandler(logging.StreamHandler())\n    return logger\n"
        ),
        Good(
            "import logging\n\n\nclass Job:\n    def __init__(self, path):\n"
            "        self.log = logging.getLogger(__name__)\n        self.handler = logging.FileHandler(path)\n"
            "        self.log.addHandler(self.handler)\n\n    def close(self):\n"
            "        self.log.removeHandler(self.handler)\n        self.handler.close()\n"
        ),
        Good(
            "import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef main():\n"
            "    logger.addHandler(logging.StreamHandler())\n    logger.info(\"started\")\n\n\n"
            "if __name__ == \"__main__\":\n    main()\n"
        ),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.sites: List[_Site] = []
        self.functions: List[Function] = []
        self.maker: Optional[Function] = None  # the ``__init__`` that made ``self.handler``, if not the adder
        # Sites whose logger comes from a function of another module: the project pass decides.
        self.deferred: List[Dict[str, Any]] = []
        self.get_logger_calls: List[cst.Call] = []

    def visit_FunctionDef(self, node: Function) -> None:
        self.functions.append(node)

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if (func.attr.value if isinstance(func, cst.Attribute) else getattr(func, "value", "")) == "getLogger":
            self.get_logger_calls.append(node)
        if not (isinstance(func, cst.Attribute) and len(node.args) == 1):
            return
        if node.args[0].keyword is not None or node.args[0].star:
            return
        kind = _ADDERS.get(func.attr.value)
        if kind is not None:
            logger = func.value
        elif func.attr.value == "append" and isinstance(func.value, cst.Attribute) and func.value.attr.value == "handlers":
            logger = func.value.value  # ``logger.handlers.append(handler)``: the same, without the check for duplicates
        else:
            return
        function = self.context.enclosing_scope(node)
        if isinstance(function, Function):
            self.sites.append(_Site(node, function, logger, node.args[0].value, kind or "handler"))

    def leave_Module(self, node: cst.Module) -> None:
        if not self.sites or is_test_module(self.context.module_name, self.context.module):
            return
        for site in self.sites:
            self._check(site)

    def file_facts(self) -> Optional[Dict[str, Any]]:
        helpers = sorted(self._logger_helpers())
        if not helpers and not self.deferred:
            return None
        return {"helpers": helpers, "sites": self.deferred}

    def _logger_helpers(self) -> Set[str]:
        """Module functions here that return a logger of the manager (``def get_logger(name):
        return logging.getLogger(name)``): their qualified names, for the other modules."""
        found: Set[str] = set()
        for call in self.get_logger_calls:
            function = self.context.enclosing_scope(call)
            if function is None:
                found.update(self._module_logger_name(call))
                continue
            if not isinstance(function, Function) or self.context.enclosing_scope(function) is not None:
                continue
            if self.context.enclosing_class(function) is not None:
                continue
            qualified = f"{self.context.module_name}.{function.name.value}"
            if qualified not in found and self._returns_logger(qualified, 0):
                found.add(qualified)
        return found

    def _module_logger_name(self, call: cst.Call) -> Set[str]:
        """``log = logging.getLogger(__name__)`` at module level: ``package.module.log``, for the
        modules that import it."""
        assign = self.context.parent(call)
        if not (isinstance(assign, cst.Assign) and assign.value is call and len(assign.targets) == 1):
            return set()
        target = assign.targets[0].target
        if not isinstance(target, cst.Name) or self.context.enclosing_scope(assign) is not None:
            return set()
        if self._name_is_logger(target, self.context.module, 0) != "":
            return set()
        return {f"{self.context.module_name}.{target.value}"}

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        helpers: Set[str] = set()
        for data in facts.values():
            helpers.update((data or {}).get("helpers", ()))
        for path in sorted(facts):
            for site in (facts[path] or {}).get("sites", ()):
                if site["needs"] not in helpers:
                    continue
                line, column, end_line, end_column = site["location"]
                yield Finding(
                    path, cls.code, cls.name, site["message"], site["suggestion"],
                    Location(line, column, end_line, end_column), Confidence(site["confidence"]),
                )

    # -- one ``addHandler`` ------------------------------------------------------------------------

    def _check(self, site: _Site) -> None:
        function = site.function
        need = self._is_logger(site.logger, function, depth=0)
        if need is None:
            return
        self.maker = None
        made = self._fresh_handler(site.handler, function, use=site.call)
        if made is None:
            return
        if self._guarded(site, function) or self._removed(site, function):
            return
        how = self._how_often(function, site)
        if how is None:
            return
        runs, confidence, per_instance = how
        klass = method_owner(self.context, function)
        maker = self.maker
        if klass is not None and maker is not None and maker is not function:
            # ``self.handler`` made in ``__init__``: new per instance, whichever method adds it
            runs = f"for every `{klass.name.value}` (its `{maker.name.value}()` makes the handler, `{function.name.value}()` adds it)"
            per_instance = True
        is_file = site.kind == "handler" and self._opens_file(made)
        if is_file and confidence is Confidence.MEDIUM and per_instance:
            confidence = Confidence.HIGH
        handler_text = first_line_text(self.context, made, 50)
        file_note = "; each one also keeps its file open" if is_file else ""
        if site.kind == "filter":
            effect = "so they pile up, each with what it holds, and every record runs through all of them"
        else:
            effect = "so they pile up and each record is emitted once per handler"
        message = (
            f"`{first_line_text(self.context, site.call, 60)}` adds a new {site.kind} "
            f"(`{handler_text}`) {runs}: the logging manager keeps the logger for the life of the process and "
            f"the logger keeps every {site.kind}, {effect}{file_note}"
        )
        suggestion = self._suggestion(site, function, per_instance)
        if not need:
            fix = None if per_instance or site.kind != "handler" else self._guard_fix(site, made)
            self.report(site.call, message, suggestion=suggestion, confidence=confidence, fix=fix)
            return
        location = self.context.location(site.call)
        self.deferred.append(
            {
                "needs": need,
                "message": message,
                "suggestion": suggestion,
                "confidence": confidence.value,
                "location": [location.line, location.column, location.end_line, location.end_column],
            }
        )

    def _guard_fix(self, site: _Site, made: cst.Call) -> Optional[Fix]:
        """``if not logger.handlers:`` around the statement, when the handler is made inside the
        call itself (a handler made by an earlier statement would still open its file) and the
        logger is a plain name or attribute that can be read twice."""
        if made is not site.handler or dotted_name(site.logger) is None:
            return None
        expression = self.context.parent(site.call)
        line = self.context.parent(expression) if isinstance(expression, cst.Expr) else None
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            return None
        guard = cst.If(
            test=cst.UnaryOperation(cst.Not(), cst.Attribute(site.logger, cst.Name("handlers"))),
            body=cst.IndentedBlock(body=[line.with_changes(leading_lines=())]),
            leading_lines=line.leading_lines,
        )
        return Fix(edits=(Edit(line, guard),), safety=FixSafety.UNSAFE)

    def _suggestion(self, site: _Site, function: Function, per_instance: bool) -> str:
        logger_text = first_line_text(self.context, site.logger, 40)
        if site.kind == "filter":
            return (
                f"add the filter once (module level), or keep it on the object that adds it and call "
                f"`{logger_text}.removeFilter(...)` when that object is done (its `close()`/`disconnect()`)"
            )
        guard = (
            f"add the handler once: guard it with `if not {logger_text}.handlers:`, or attach it at start-up "
            f"(module level or `main()`) instead of in `{function.name.value}()`"
        )
        if per_instance:
            klass = method_owner(self.context, function)
            owner = klass.name.value if klass is not None else "the object"
            return (
                f"{guard}; if each `{owner}` needs its own handler, keep it on the instance and call "
                f"`{logger_text}.removeHandler(handler)` and `handler.close()` in `{owner}.close()`"
            )
        return guard

    # -- is the receiver a process-lifetime logger? ------------------------------------------------

    def _is_logger(self, expr: Expr, scope: cst.CSTNode, depth: int) -> Optional[str]:
        """"" when ``expr`` is a logger the manager keeps; the qualified name of a function of
        another module when it is one if that function returns one (the project pass decides);
        None when it is not one, or we cannot tell."""
        if depth > 3:
            return None
        if isinstance(expr, cst.Call):
            qualified = self.context.qualified_name(expr.func)
            if qualified in _LOGGER_CALLS:
                return ""
            if isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "getChild":
                return self._is_logger(expr.func.value, scope, depth + 1)
            if qualified is None or qualified.startswith(("logging.", "builtins.")):
                return None
            module = qualified.rpartition(".")[0]
            if module != self.context.module_name:
                return qualified if not module.startswith(self.context.module_name + ".") else None
            return "" if self._returns_logger(qualified, depth) else None
        if isinstance(expr, cst.Attribute) and self.context.qualified_name(expr) in _LOGGER_VALUES:
            return ""
        if isinstance(expr, cst.Name):
            return self._name_is_logger(expr, scope, depth)
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
            return self._attribute_is_logger(expr, scope, depth)
        return None

    def _name_is_logger(self, name: cst.Name, scope: cst.CSTNode, depth: int) -> Optional[str]:
        owner: Optional[Union[Function, cst.Module]] = None
        current: Optional[cst.CSTNode] = scope
        while isinstance(current, Function):
            if name.value in self.context.scope_bindings(current).names:
                owner = current
                break
            current = self.context.enclosing_scope(current)
        if owner is None:
            resolved = self.context.resolve_name(name.value, name)
            if resolved in _LOGGER_VALUES:
                return ""
            if resolved is None or resolved.startswith(("logging.", "builtins.")):
                return None
            if resolved != f"{self.context.module_name}.{name.value}":
                # ``from package import log``: a module-level logger of another module of the
                # project, if that module binds one (the project pass decides)
                return resolved if "." in resolved else None
            owner = self.context.module
        values = assigned_values(self.context, owner, name.value)
        if isinstance(owner, Function) and name.value in _parameters(owner):
            if not (values and _defaults_to_none(owner, name.value)):
                return None  # the caller's logger, whatever it is
            # ``def configure(logger=None): if logger is None: logger = logging.getLogger(...)``:
            # a logger of the manager when the caller passes none (and whatever the caller passes
            # in its place is most likely one too)
        return _combine([self._is_logger(value, owner, depth + 1) for value in values])

    def _attribute_is_logger(self, expr: cst.Attribute, scope: cst.CSTNode, depth: int) -> Optional[str]:
        """``self.log`` / ``cls._logger``: every assignment of that attribute in the class (or the
        class body's own ``_logger = ...``) is a logger."""
        assert isinstance(expr.value, cst.Name)
        function = scope if isinstance(scope, Function) else None
        klass = None
        while function is not None and klass is None:
            klass = method_owner(self.context, function)
            if klass is None:
                parent = self.context.enclosing_scope(function)
                function = parent if isinstance(parent, Function) else None
        if klass is None or function is None or expr.value.value != first_param(function):
            return None
        attr = expr.attr.value
        values: List[tuple] = []
        for node in walk(klass.body):
            if isinstance(node, cst.Assign):
                for target in node.targets:
                    t = target.target
                    if isinstance(t, cst.Attribute) and t.attr.value == attr and isinstance(t.value, cst.Name):
                        values.append((node.value, self.context.enclosing_scope(node) or self.context.module))
                    elif isinstance(t, cst.Name) and t.value == attr and self.context.parent(self.context.parent(node)) is klass.body:
                        values.append((node.value, self.context.module))
        return _combine([self._is_logger(value, where, depth + 1) for value, where in values])

    def _returns_logger(self, qualified: str, depth: int) -> bool:
        """``get_logger(...)`` where ``get_logger`` is a function of this module returning a logger."""
        module, _, name = qualified.rpartition(".")
        if module != self.context.module_name:
            return False
        for function in self.functions:
            if function.name.value == name and self.context.enclosing_scope(function) is None:
                if self.context.enclosing_class(function) is not None:
                    continue
                returned = [n.value for n in walk_scope(function) if isinstance(n, cst.Return) and n.value is not None]
                return _combine([self._is_logger(value, function, depth + 1) for value in returned]) == ""
        return False

    # -- is the handler new each time? -------------------------------------------------------------

    def _fresh_handler(self, handler: Expr, function: Function, depth: int = 0,
                       use: Optional[cst.CSTNode] = None) -> Optional[cst.Call]:
        """The constructor call that made ``handler`` (in ``function``, in a factory of this module
        it calls, or in the ``__init__`` of the class for ``self.handler``), or None when the
        handler may be one object used every time (``addHandler`` ignores a handler already attached)."""
        if depth > 4:
            return None
        if isinstance(handler, cst.Call):
            if self._constructs(handler):
                return handler
            return self._factory_result(handler, depth)
        values: List[Expr] = []
        scopes: List[Function] = []
        if isinstance(handler, cst.Name):
            if handler.value not in self.context.scope_bindings(function).names or handler.value in _parameters(function):
                return None
            values = assigned_values(self.context, function, handler.value)
            if use is not None:
                values = self._reaching(values, function, use)
            scopes = [function] * len(values)
        elif isinstance(handler, cst.Attribute) and isinstance(handler.value, cst.Name):
            spelled = dotted_name(handler)
            searched: List[Function] = [function]
            klass = method_owner(self.context, function)
            if klass is not None and handler.value.value == first_param(function):
                # ``self.handler`` made in ``__init__`` and added in another method: one per instance
                searched += [m for m in _methods(klass) if m.name.value in INIT_METHODS and m is not function]
            for scope in searched:
                for node in walk_scope(scope):
                    if isinstance(node, cst.Assign) and any(dotted_name(t.target) == spelled for t in node.targets):
                        values.append(node.value)
                        scopes.append(scope)
                if values:
                    if depth == 0 and scope is not function:
                        self.maker = scope
                    break
        made = [self._fresh_handler(value, scope, depth + 1) if isinstance(value, cst.Call) else None for value, scope in zip(values, scopes)]
        if not values or any(m is None for m in made):
            return None
        # Of ``FileHandler(out) if ... else StreamHandler(out)``, name the one that opens a file.
        return next((m for m in made if m is not None and self._opens_file(m)), made[0])

    def _reaching(self, values: List[Expr], function: Function, use: cst.CSTNode) -> List[Expr]:
        """Of a name's assigned values, those that can reach ``use``: the last assignment before it
        whose block holds ``use`` (it runs on every path there) and any assignment between the two,
        so that ``h = FileHandler(p)`` in one ``if`` is not blamed for ``addHandler(h)`` in the
        next, where ``h = StreamHandler()``. No assignment before ``use`` (a loop): all of them."""
        order = {id(node): index for index, node in enumerate(walk_scope(function))}
        at = order.get(id(use))
        if at is None:
            return values
        use_ancestors = {id(a) for a in self.context.ancestors(use)}
        before = [(order[id(v)], v) for v in values if order.get(id(v), at) < at]
        if not before:
            return values
        before.sort(key=lambda pair: pair[0])
        start = 0
        for index, (_, value) in enumerate(before):
            statement = self.context.enclosing_statement(value)
            block = self.context.parent(statement) if statement is not None else None
            if isinstance(statement, cst.SimpleStatementLine) and block is not None and id(block) in use_ancestors:
                start = index
        return [value for _, value in before[start:]]

    def _factory_result(self, call: cst.Call, depth: int) -> Optional[cst.Call]:
        """``self._make_handler()`` / ``make_handler(path)``: a function or method of this module
        whose every ``return`` gives a newly constructed handler."""
        func = call.func
        candidates: List[Function] = []
        if isinstance(func, cst.Name) and self.context.qualified_name(func) == f"{self.context.module_name}.{func.value}":
            candidates = [f for f in self.functions if f.name.value == func.value and self.context.enclosing_scope(f) is None and self.context.enclosing_class(f) is None]
        elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value in ("self", "cls"):
            klass = self.context.enclosing_class(call)
            if klass is not None:
                candidates = [m for m in _methods(klass) if m.name.value == func.attr.value]
        if len(candidates) != 1:
            return None
        factory = candidates[0]
        returned = [n.value for n in walk_scope(factory) if isinstance(n, cst.Return) and n.value is not None]
        made = [self._fresh_handler(value, factory, depth + 1) for value in returned]
        return made[0] if made and all(m is not None for m in made) else None

    def _constructs(self, call: cst.Call) -> bool:
        shown = dotted_name(call.func)
        if shown is None:
            return False
        return shown.rsplit(".", 1)[-1][:1].isupper()

    def _opens_file(self, made: cst.Call) -> bool:
        qualified = self.context.qualified_name(made.func) or ""
        model = models.acquisition(qualified, models.for_settings(self.settings))
        if model is not None:
            return model.category == "handler" and model.qualname.endswith("FileHandler")
        return (dotted_name(made.func) or "").endswith("FileHandler")

    # -- guards and removals -----------------------------------------------------------------------

    def _guarded(self, site: _Site, function: Function) -> bool:
        logger_text = dotted_name(site.logger)
        assigned = self._flags_set_in(function)
        own = site.call.func
        for node in walk(function.body):
            if isinstance(node, cst.Attribute) and node.attr.value in _INSPECTING_ATTRIBUTES:
                if not self._handlers_module(node) and not (isinstance(own, cst.Attribute) and node is own.value):
                    return True  # looks at the handlers already there (or at the manager's table)
        for test in self._tests_before(site.call, function):
            for inner in walk(test):
                spelled = dotted_name(inner) if isinstance(inner, (cst.Name, cst.Attribute)) else None
                if spelled is None:
                    continue
                if logger_text is not None and (spelled == logger_text or spelled.startswith(logger_text + ".")):
                    return True  # ``if logger.level == logging.NOTSET:``
                if spelled in assigned:
                    return True  # a flag the function sets: ``if not _configured: ... _configured = True``
        return False

    def _tests_before(self, call: cst.Call, function: Function) -> List[Expr]:
        """Tests of the ``if``/``while`` statements around ``call``, and of the ``if`` statements
        before it in the function that leave early (``if ...: return``)."""
        tests: List[Expr] = []
        child: cst.CSTNode = call
        for ancestor in self.context.ancestors(call):
            if ancestor is function:
                break
            if isinstance(ancestor, (cst.If, cst.While)):
                tests.append(ancestor.test)
            if isinstance(ancestor, cst.IndentedBlock):
                for statement in ancestor.body:
                    if statement is child:
                        break
                    if isinstance(statement, cst.If) and _leaves(statement.body):
                        tests.append(statement.test)
            child = ancestor
        return tests

    def _removed(self, site: _Site, function: Function) -> bool:
        klass = method_owner(self.context, function)
        region: cst.CSTNode = klass if klass is not None else (self._outermost(function) if self._nested(function) else self.context.module)
        remover, listed = _INVERSES[site.kind]
        for node in walk(region):
            if not isinstance(node, cst.Attribute):
                continue
            if node.attr.value == remover:
                return True
            if node.attr.value == listed and not self._handlers_module(node) and node is not site.call.func.value:  # type: ignore[attr-defined]
                parent = self.context.parent(node)
                if isinstance(parent, cst.Attribute) and parent.attr.value in _HANDLER_LIST_REMOVALS:
                    return True
                if isinstance(parent, cst.AssignTarget) or isinstance(parent, cst.Del):
                    return True
                if isinstance(parent, cst.Subscript) and isinstance(self.context.parent(parent), (cst.AssignTarget, cst.Del)):
                    return True
        return False

    def _handlers_module(self, node: cst.Attribute) -> bool:
        """``logging.handlers`` (the module), not ``logger.handlers``."""
        return self.context.qualified_name(node) == "logging.handlers"

    def _nested(self, function: Function) -> bool:
        return isinstance(self.context.enclosing_scope(function), Function)

    def _outermost(self, function: Function) -> Function:
        outer = function
        for ancestor in self.context.ancestors(function):
            if isinstance(ancestor, Function):
                outer = ancestor
        return outer

    def _flags_set_in(self, function: Function) -> Set[str]:
        """What the function sets or adds to that outlives its call: ``global _configured;
        _configured = True``, ``self._handlers_added = True``, ``_CONFIGURED.add(name)``."""
        passthrough = self.context.scope_bindings(function).passthrough
        found: Set[str] = set()
        for target in recorded_targets(function.body):
            spelled = dotted_name(target)
            if spelled is None:
                continue
            if "." in spelled or spelled in passthrough or self.context.resolve_name(spelled, target):
                found.add(spelled)  # an attribute, a global, or a module-level container
        return found

    # -- how often does the function run? ----------------------------------------------------------

    def _how_often(self, function: Function, site: _Site) -> Optional[tuple]:
        """(words, confidence, per_instance), or None when it runs once (or we cannot tell)."""
        name = function.name.value
        for ancestor in [function, *self.context.ancestors(function)]:
            if isinstance(ancestor, Function) and _runs_once_decorated(ancestor):
                return None
        if name in _ENTRY_NAMES or name in _CLASS_HOOKS:
            return None
        klass = method_owner(self.context, function)
        decorators = {(decorator_name(d) or "").rsplit(".", 1)[-1] for d in function.decorators}
        instance_method = klass is not None and not decorators & {"staticmethod", "classmethod"}
        if self._nested(function):
            if self._outermost(function).name.value in _ENTRY_NAMES:
                return None
            return f"on every call of the nested function `{name}()`", Confidence.MEDIUM, False
        callers = self._callers(function, klass)
        repeated = [caller for caller in callers if caller is not None and self._runs_repeatedly(caller, 0)]
        if repeated:
            shown = _shown_name(self.context, repeated[0])
            return f"on every call of `{name}()`, which `{shown}()` calls each time it runs", Confidence.HIGH, instance_method
        if callers and (not instance_method or name not in INIT_METHODS):
            through = None if klass is not None else self._import_time_caller(function, callers)
            if through is not None and not name.startswith("_") and self._fixed_logger(site.logger, function, 0):
                # A public set-up function the module already runs at import: the logger's name does
                # not depend on the arguments, so any later call (a CLI option, an application
                # reconfiguring) adds a second one to the same logger.
                via = f" (through `{through}()`)" if through else ""
                return (
                    f"on every call of `{name}()`, which this module already runs at import{via}, "
                    f"so any further call adds another to the same logger", Confidence.MEDIUM, False,
                )
            return None  # called only at import or from an entry point: runs once
        if self._returns_the_logger(function, site):
            return f"on every call of `{name}()`, which hands the logger to each caller", Confidence.MEDIUM, False
        if instance_method:
            assert klass is not None
            if name in INIT_METHODS:
                made_in = self._constructions(klass)
                if made_in and all(where is None or _runs_once(where) for where in made_in):
                    return None  # one object, made at import or by ``main()``
                many = next((where for where in made_in if where is not None and not _runs_once(where)), None)
                if many is not None:
                    shown = _shown_name(self.context, many)
                    return (
                        f"for every `{klass.name.value}` created (in `{name}()`; `{shown}()` makes one each time it runs)",
                        Confidence.HIGH, True,
                    )
                return f"for every `{klass.name.value}` created (in `{name}()`)", Confidence.MEDIUM, True
            if name.startswith("__") and name.endswith("__") and name not in ("__call__", "__enter__", "__aenter__"):
                return None
            return f"each time `{klass.name.value}.{name}()` runs", Confidence.MEDIUM, True
        return None  # a configuration function nobody in this module calls: most likely run once

    def _import_time_caller(self, function: Function, callers: List[Optional[Function]]) -> Optional[str]:
        """"" when module-level code calls ``function``, the name of the module function it calls
        it through when that one is called at module level, None otherwise (or in a script)."""
        if _has_main_guard(self.context.module):
            return None
        if any(caller is None for caller in callers):
            return ""
        for caller in callers:
            if caller is None or _runs_once(caller) or method_owner(self.context, caller) is not None:
                continue
            if any(outer is None for outer in self._callers(caller, None)):
                return caller.name.value
        return None

    def _fixed_logger(self, expr: Expr, scope: cst.CSTNode, depth: int) -> bool:
        """Every logger ``expr`` can be has a name fixed in the code (``getLogger(__name__)``,
        ``getLogger("app")``, the root logger), not one the caller chooses."""
        if depth > 3:
            return False
        if isinstance(expr, cst.Call):
            if self.context.qualified_name(expr.func) not in _LOGGER_CALLS:
                return False
            if not expr.args:
                return True
            first = expr.args[0].value
            return isinstance(first, cst.SimpleString) or (isinstance(first, cst.Name) and first.value == "__name__")
        if isinstance(expr, cst.Attribute):
            return self.context.qualified_name(expr) in _LOGGER_VALUES
        if not isinstance(expr, cst.Name):
            return False
        owner: Union[Function, cst.Module] = self.context.module
        if isinstance(scope, Function) and expr.value in self.context.scope_bindings(scope).names:
            owner = scope
        values = assigned_values(self.context, owner, expr.value)
        return bool(values) and all(self._fixed_logger(value, owner, depth + 1) for value in values)

    def _runs_repeatedly(self, function: Function, depth: int) -> bool:
        """Known to run more than once: an instance method (per instance or per call), or a
        function that such code in this module calls. A function nobody here calls may be a
        configuration entry point its users call once."""
        if _runs_once(function) or depth > 2:
            return False
        klass = method_owner(self.context, function)
        decorators = {(decorator_name(d) or "").rsplit(".", 1)[-1] for d in function.decorators}
        if klass is not None and not decorators & {"staticmethod", "classmethod"}:
            return True
        callers = self._callers(function, klass)
        return any(caller is not None and self._runs_repeatedly(caller, depth + 1) for caller in callers)

    def _constructions(self, klass: cst.ClassDef) -> List[Optional[Function]]:
        """Where this module makes instances of ``klass``: the function, or None at module level."""
        target = f"{self.context.module_name}.{klass.name.value}"
        found: List[Optional[Function]] = []
        for node in walk(self.context.module):
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == klass.name.value:
                if self.context.qualified_name(node.func) != target:
                    continue
                scope = self.context.enclosing_scope(node)
                found.append(self._outermost(scope) if isinstance(scope, Function) else None)
        return found

    def _returns_the_logger(self, function: Function, site: _Site) -> bool:
        spelled = dotted_name(site.logger)
        for node in walk_scope(function):
            if isinstance(node, cst.Return) and node.value is not None and spelled is not None:
                if dotted_name(node.value) == spelled:
                    return True
        return False

    def _callers(self, function: Function, klass: Optional[cst.ClassDef]) -> List[Optional[Function]]:
        """Where this module calls ``function``: the calling function, or None at module level.
        Methods are matched through ``self.``/``cls.``/``ClassName.``."""
        name = function.name.value
        target = f"{self.context.module_name}.{name}"
        found: List[Optional[Function]] = []
        receivers = ("self", "cls", klass.name.value) if klass is not None else ()
        for node in walk(self.context.module):
            if not isinstance(node, cst.Call):
                continue
            func = node.func
            if klass is None:
                if not (isinstance(func, cst.Name) and func.value == name):
                    continue
                if self.context.qualified_name(func) != target:
                    continue
            elif not (isinstance(func, cst.Attribute) and func.attr.value == name and dotted_name(func.value) in receivers):
                continue
            caller = self.context.enclosing_scope(node)
            if caller is function:
                continue
            found.append(self._outermost(caller) if isinstance(caller, Function) else None)
        return found


def _combine(needs: List[Optional[str]]) -> Optional[str]:
    """Every value is a logger: "" when known here, the one function of another module they
    depend on, None when one is not a logger or they depend on several."""
    if not needs or any(need is None for need in needs):
        return None
    external = {need for need in needs if need}
    if len(external) > 1:
        return None
    return external.pop() if external else ""


def _has_main_guard(module: cst.Module) -> bool:
    """``if __name__ == "__main__":`` at module level: a script, run once."""
    for statement in module.body:
        if isinstance(statement, cst.If) and isinstance(statement.test, cst.Comparison):
            sides = [statement.test.left, *(c.comparator for c in statement.test.comparisons)]
            if any(isinstance(side, cst.Name) and side.value == "__name__" for side in sides):
                return True
    return False


def _defaults_to_none(function: Function, name: str) -> bool:
    params = function.params
    for param in [*params.params, *params.kwonly_params]:
        if param.name.value == name:
            return isinstance(param.default, cst.Name) and param.default.value == "None"
    return False


def _methods(klass: cst.ClassDef) -> List[Function]:
    body = klass.body.body if isinstance(klass.body, cst.IndentedBlock) else ()
    return [statement for statement in body if isinstance(statement, Function)]


def _parameters(function: Function) -> Set[str]:
    return parameter_names(function.params)


def _runs_once(function: Function) -> bool:
    return function.name.value in _ENTRY_NAMES or function.name.value in _CLASS_HOOKS or _runs_once_decorated(function)


def _shown_name(context: object, function: Function) -> str:
    klass = method_owner(context, function)  # type: ignore[arg-type]
    return f"{klass.name.value}.{function.name.value}" if klass is not None else function.name.value


def _runs_once_decorated(function: Function) -> bool:
    for decorator in function.decorators:
        spelled = (decorator_name(decorator) or "").rsplit(".", 1)[-1]
        if spelled in _ONCE_DECORATORS:
            return True
    return False


def _leaves(block: cst.BaseSuite) -> bool:
    """The block ends by leaving the function or the loop (``return``, ``raise``, ``continue``)."""
    if isinstance(block, cst.IndentedBlock) and block.body:
        last = block.body[-1]
        if isinstance(last, cst.SimpleStatementLine):
            return isinstance(last.body[-1], (cst.Return, cst.Raise, cst.Continue))
        return False
    if isinstance(block, cst.SimpleStatementSuite):
        return isinstance(block.body[-1], (cst.Return, cst.Raise, cst.Continue))
    return False
