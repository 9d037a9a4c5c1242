"""LKL203: ``functools.lru_cache``/``cache`` on an instance method (and ``cache`` on open-ended
module-level functions)."""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple, Union

import libcst as cst

from leaklint.analysis.containers import annotation_is_finite, is_vocabulary_identifier, is_workload_identifier
from leaklint import models
from leaklint.analysis.growth_facts import is_test_module
from leaklint.analysis.lifetimes import class_methods, walk_calls
from leaklint.analysis.memoizers import can_return_argument, find_memoizers, may_be_project_name
from leaklint.analysis.names import dotted_name
from leaklint.analysis.run_frequency import is_main_guard
from leaklint.analysis.walk import walk_scope
from leaklint.rule import Bad, Confidence, Finding, Good, Location, Option, Rule

_Scope = Union[cst.FunctionDef, cst.ClassDef, cst.Lambda]
_SKIPPED_DECORATORS = frozenset({"builtins.staticmethod", "builtins.classmethod"})
# Decorators of the standard library and typing: never a project's memoizer.
_NOT_PROJECT = ("builtins.", "functools.", "typing.", "abc.", "contextlib.", "dataclasses.", "asyncio.", "enum.")
# Methods Python calls on the class, not an instance: their first argument is a class.
_IMPLICIT_CLASS_LEVEL = frozenset({"__new__", "__init_subclass__", "__class_getitem__"})
# ``@cache`` on a function that warns or logs is the warn-once idiom: one entry per message.
_ONCE_ONLY_WORDS = ("warn", "log", "deprecat", "emit", "once")
_SCALARS = frozenset({"builtins.int", "builtins.float", "builtins.str", "builtins.bytes", "builtins.complex"})
# Annotations whose values are classes or functions: defined in code, a small fixed set (a class
# built per call is the exception the rule cannot see from the annotation).
_CODE_OBJECTS = frozenset(
    {"builtins.type", "typing.Type", "typing.Callable", "collections.abc.Callable", "typing_extensions.Type"}
)
# Annotations of hashable value containers: compared by value, judged by the parameter's name.
_VALUE_TUPLES = frozenset({"builtins.tuple", "typing.Tuple", "builtins.frozenset", "typing.FrozenSet"})
# Calls that build a new class: a memo of them is an intern table of generated types.
_CLASS_BUILDERS = frozenset(
    {"builtins.type", "collections.namedtuple", "typing.NamedTuple", "enum.Enum", "enum.IntEnum", "enum.Flag",
     "enum.IntFlag", "dataclasses.make_dataclass", "types.new_class"}
)


def _cache_cleared_in(klass: cst.ClassDef, method: str) -> Optional[str]:
    """The method of ``klass`` that calls ``self.<method>.cache_clear()`` (or
    ``Class.<method>.cache_clear()``), if one does."""
    for statement in class_methods(klass):
        for call in walk_calls(statement):
            func = call.func
            if (isinstance(func, cst.Attribute) and func.attr.value == "cache_clear"
                    and isinstance(func.value, cst.Attribute) and func.value.attr.value == method
                    and isinstance(func.value.value, cst.Name)):
                return statement.name.value
    return None


# The same check in other linters: ruff/flake8-bugbear B019, pylint W1518.
_EQUIVALENT_CHECKS = ("B019", "cached-instance-method", "W1518", "method-cache-max-size-none")


def _declined_equivalent(decorator: cst.Decorator) -> Optional[str]:
    """The equivalent check suppressed in the decorator line's comment (``# noqa: B019``,
    ``# ruff: ignore[cached-instance-method]``, ``# pylint: disable=method-cache-max-size-none``)."""
    comment = decorator.trailing_whitespace.comment
    if comment is None:
        return None
    text = comment.value
    if not any(word in text for word in ("noqa", "ignore", "disable")):
        return None
    return next((check for check in _EQUIVALENT_CHECKS if check in text), None)


class _Cache:
    """What a caching decorator says about its size."""

    def __init__(self, decorator: cst.Decorator, spelled: str, bounded: bool) -> None:
        self.decorator = decorator
        self.spelled = spelled
        self.bounded = bounded


class CacheOnMethod(Rule):
    """
    ## What it does
    Flags `functools.lru_cache` and `functools.cache` on an instance method, and
    `functools.cache` / `lru_cache(maxsize=None)` on a module-level function whose arguments are
    open-ended.

    ## Why is this bad?
    The cache belongs to the function object, which lives on the class for as long as the
    program runs. Every entry holds `self` and every argument, so no instance a cached method was
    ever called on can be freed: with `maxsize=None` or `@cache` that is every instance, with
    `lru_cache(maxsize=N)` up to N of them, kept alive until pushed out. On a module-level function,
    an unbounded cache keeps every distinct argument (request objects, strings read from input)
    forever.

    Other libraries' memoizers come from the cache models (`funcy.memoize`, `toolz.memoize` are
    unbounded; `cachetools.func.lru_cache`, `async_lru.alru_cache` are bounded by `maxsize`,
    128 by default), and a project can add its own under `[tool.leaklint.models.cache]`.

    A memoizer the project writes itself counts too, wherever it is defined: a decorator whose
    wrapper (a nested function, or the `__call__` of a class that takes the function) stores each
    result in a dict keyed by the call's arguments (a dict in its closure, a module-level dict, an
    attribute of the wrapper or of the memoizer instance) and never takes an entry out when it
    runs, whether applied with `@` or called on a function (`find = memoize(_find)` in a class
    body or at module level). An exposed `cache_clear` or `reset` does not bound it, as it does not bound
    `functools.cache`; a size check or eviction in the wrapper does, and a
    `WeakValueDictionary` store is never reported. A weak store (a `WeakKeyDictionary`, or entries
    dropped by a weak-reference callback on an argument) is reported only on a function that can
    return its argument unchanged: the cached value then keeps its own key alive.

    A call in an instance method that passes `self` to a function with an unbounded cache
    (`self.fields_of(self)` for a cached static method, `layout_of(self)`) makes every instance a
    key of the cache, and is reported at the call with high confidence: a cache meant for classes
    called with instances.

    Unbounded caches on methods are reported with high confidence; bounded ones with medium
    confidence (the option `include-bounded = false` drops them). Caches on module-level
    functions are reported with medium confidence, and only when some parameter is open-ended:
    annotated with a class (`Request`, `Any`), or named like per-request data (`request`, `raw`,
    `url`, `user_id`). Flags, `Literal`s, enums, vocabularies (`codec_name`, `path`) and bare
    numbers (`n`) are not.

    Not flagged: `staticmethod`s, `classmethod`s, methods of `Enum` classes (their members are
    singletons), `functools.cached_property` (it stores the value on the instance), functions
    nested in other functions. Parameters annotated with a class or a function (`type[Enum]`,
    `Callable[..., T]`, or a module-level type alias of one) come from the code, a small set; a
    value tuple (`tuple[...]`, an alias of one) is judged by its name like a scalar.

    A module-level cache that returns a class it builds (`type(...)`, `namedtuple(...)`) is an
    intern table of generated types: the cache is its only owner, and a bound would build a second
    class for an argument it evicted. Such a cache is reported only for open-ended arguments, and
    the suggestion is to key it by value (pass the fields the class depends on), not to bound it.

    Also not flagged: methods of a class this module instantiates only at module level (a
    singleton such as `MANAGER = Manager()`), and module-level functions that warn or log (the
    `@cache` warn-once idiom). A method cache that the class empties itself
    (`self.lookup.cache_clear()` in one of its methods, on reconfiguration or teardown) is low,
    shown only by the strict profile: its author manages what it keeps, and the usual fix
    (`cached_property`) would break that call.

    A project memoizer is low, shown only by the strict profile, when its key is the arguments'
    text (`key = f"{args}{kwargs}"`: it keeps the results, not the instance), or when it takes
    nothing but the instance (`def __call__(self, obj)`, written for methods without parameters):
    such a table keeps one result per instance on purpose, the same object handed back on every
    call and kept alive with whatever it registered, and `cached_property` would break the
    `name()` call form.

    A method cache whose line already suppresses the same check of another linter (`# noqa:
    B019`, `# ruff: ignore[cached-instance-method]`, pylint's `method-cache-max-size-none`) is
    low: its maintainer has weighed it.

    ## Known problems
    A class with a handful of long-lived instances created elsewhere (a singleton made in another
    module) is harmless, yet flagged; suppress it with `# noqa: LKL203`. Project memoizers are
    recognised only at module level (functions, decorator factories one level deep, classes), and
    under flake8 only within one file.

    ## References
    - flake8-bugbear / ruff: B019 cached-instance-method. pylint: W1518 method-cache-max-size-none.
    - LKL201 (module-level containers that only grow).
    """

    code = "LKL203"
    name = "cache-on-method"
    project_scope = True  # a memoizer defined in one module decorates functions in others
    message = "`{decorator}` on method `{method}` keeps every `self` it is called with alive"
    options = (
        Option(
            "include-bounded",
            bool,
            True,
            "also flag `lru_cache(maxsize=N)` on methods (at medium confidence); false drops the bounded case",
        ),
    )
    examples = (
        Bad(
            "import functools\n\n\nclass Report:\n    def __init__(self, rows):\n        self.rows = rows\n\n"
            "    @functools.cache\n    def total(self):\n        return sum(self.rows)\n"
        ),
        Bad(
            "from functools import lru_cache as memo\n\n\nclass Geo:\n    def __init__(self, db):\n"
            "        self.db = db\n\n    @memo(maxsize=None)\n    def lookup(self, ip):\n        return self.db.find(ip)\n"
        ),
        Bad(
            "def memoize(func):\n    cache = {}\n\n    def wrapper(*args):\n        if args not in cache:\n"
            "            cache[args] = func(*args)\n        return cache[args]\n\n    return wrapper\n\n\n"
            "class Report:\n    def __init__(self, rows):\n        self.rows = rows\n\n"
            "    @memoize\n    def total(self):\n        return sum(self.rows)\n"
        ),
        Good(
            "def memoize(func):\n    cache = {}\n\n    def wrapper(*args):\n        if args not in cache:\n"
            "            if len(cache) > 100:\n                cache.pop(next(iter(cache)))\n"
            "            cache[args] = func(*args)\n        return cache[args]\n\n    return wrapper\n\n\n"
            "@memoize\ndef unit_factor(unit_name: str) -> int:\n    return {'m': 1, 'km': 1000}[unit_name]\n"
        ),
        Good(
            "import functools\n\n\nclass Report:\n    def __init__(self, rows):\n        self.rows = rows\n\n"
            "    @functools.cached_property\n    def total(self):\n        return sum(self.rows)\n"
        ),
        Good(
            "import enum\nimport functools\n\n\nclass Color(enum.Enum):\n    RED = 1\n\n"
            "    @functools.cache\n    def label(self):\n        return self.name.lower()\n\n\n"
            "class Units:\n    @staticmethod\n    @functools.cache\n    def factor(unit):\n        return {'m': 1, 'km': 1000}[unit]\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.scopes: List[_Scope] = []
        self.enum_classes: Set[str] = set()
        self.enum_stack: List[bool] = []
        self.method_findings: List[Tuple[str, cst.Decorator, str, str, Confidence]] = []
        self.made_at_import: Set[str] = set()  # names called at module level (classes: instances)
        self.made_at_runtime: Set[str] = set()
        self.main_guards = 0
        self.type_aliases: Dict[str, cst.BaseExpression] = {}  # ``Maker: TypeAlias = Callable[...]``
        # For the project pass: functions with decorators that may be a project's memoizer, calls
        # that pass ``self`` on, and the functions this module caches with a known cache.
        self.decorated: List[Tuple[cst.FunctionDef, Optional[cst.ClassDef]]] = []
        self.wrapped: List[Tuple[cst.Assign, Optional[cst.ClassDef]]] = []  # ``lookup = memoize(_lookup)``
        self.self_calls: List[cst.Call] = []
        self.cached: Dict[str, Dict[str, Any]] = {}
        self.facts: Optional[Dict[str, Any]] = None
        self.local_memoizers: Set[str] = set()
        self.local_cached: Set[str] = set()

    def visit_Module(self, node: cst.Module) -> None:
        for statement in node.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and small.value is not None:
                    if (self.context.qualified_name(small.annotation.annotation) or "").endswith(".TypeAlias"):
                        self.type_aliases[small.target.value] = small.value
                elif isinstance(small, cst.Assign) and isinstance(small.value, cst.Subscript):
                    for target in small.targets:  # ``Maker = Callable[..., T]``
                        if isinstance(target.target, cst.Name):
                            self.type_aliases[target.target.value] = small.value

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        is_enum = any(self._is_enum_base(base.value) for base in node.bases if base.keyword is None)
        if is_enum:
            self.enum_classes.add(node.name.value)
        self.enum_stack.append(is_enum)
        self.scopes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.pop()
        self.enum_stack.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.append(node)

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self.scopes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        enclosing = self.scopes[-1] if self.scopes else None
        self.scopes.append(node)
        if isinstance(enclosing, (cst.FunctionDef, cst.Lambda)):
            return
        cache = self._cache_decorator(node)
        if cache is None:
            if node.decorators:
                self.decorated.append((node, enclosing if isinstance(enclosing, cst.ClassDef) else None))
            return
        self._remember_cached(node, enclosing, cache)
        if isinstance(enclosing, cst.ClassDef):
            self._check_method(node, enclosing, cache)
        else:
            self._check_function(node, cache)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.pop()

    # -- methods ---------------------------------------------------------------------------------

    def _check_method(self, node: cst.FunctionDef, klass: cst.ClassDef, cache: _Cache) -> None:
        if self.enum_stack[-1] or any(
            self.context.qualified_name(_decorator_callee(d)) in _SKIPPED_DECORATORS for d in node.decorators
        ):
            return
        params = [*node.params.posonly_params, *node.params.params]
        if not params or node.name.value in _IMPLICIT_CLASS_LEVEL:
            return
        if cache.bounded and not self.option("include-bounded"):
            return
        method = f"{klass.name.value}.{node.name.value}"
        self_name = params[0].name.value
        if cache.bounded:
            message = (
                f"`{cache.spelled}` on method `{method}` keeps up to its `maxsize` of `{self_name}` objects "
                f"(and their arguments) alive in a cache stored on the class"
            )
        else:
            message = (
                f"`{cache.spelled}` on method `{method}` keeps every `{self_name}` it is called with alive "
                f"for the life of the class: the unbounded cache never lets go"
            )
        confidence = Confidence.MEDIUM if cache.bounded else Confidence.HIGH
        emptied_in = _cache_cleared_in(klass, node.name.value)
        if emptied_in is not None:
            # The class empties the cache itself when its state changes: the author manages what
            # it keeps, and `cached_property` (the usual fix) would break that call.
            confidence = Confidence.LOW
            message += f"; but `{emptied_in}` empties it (`.cache_clear()`), so it holds only what was cached since"
        declined = _declined_equivalent(cache.decorator)
        if declined is not None:
            # The maintainer already turned down the same finding from another linter here.
            confidence = Confidence.LOW
            message += f"; the line already suppresses the equivalent check (`{declined}`)"
        suggestion = self._method_suggestion(node, params, klass)
        self.method_findings.append((klass.name.value, cache.decorator, message, suggestion, confidence))

    def visit_If(self, node: cst.If) -> None:
        if not self.scopes and is_main_guard(node.test):
            self.main_guards += 1

    def leave_If(self, node: cst.If) -> None:
        if not self.scopes and is_main_guard(node.test):
            self.main_guards -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if any(isinstance(arg.value, cst.Name) and arg.value.value == "self" for arg in node.args):
            self.self_calls.append(node)
        if isinstance(node.func, cst.Name):
            # Code under ``if __name__ == "__main__":`` is a script's run time, not import time.
            in_function = self.main_guards > 0 or any(isinstance(s, (cst.FunctionDef, cst.Lambda)) for s in self.scopes)
            (self.made_at_runtime if in_function else self.made_at_import).add(node.func.value)

    def leave_Module(self, node: cst.Module) -> None:
        for class_name, decorator, message, suggestion, confidence in self.method_findings:
            if self._singleton(class_name):
                continue  # a module-level singleton (``MANAGER = Manager()``): one `self`, kept anyway
            self.report(decorator, message, suggestion=suggestion, confidence=confidence)
        memoizers = find_memoizers(self.context, node)
        self.local_memoizers = {f"{self.context.module_name}.{name}" for name in memoizers}
        if is_test_module(self.context.module_name, self.context.module):
            self.decorated, self.self_calls = [], []  # (fixtures and test helpers live for one test run)
        candidates = [c for c in (self._candidate(f, k) for f, k in self.decorated) if c is not None]
        if not is_test_module(self.context.module_name, self.context.module):
            candidates += self._wrapped_candidates()
        self.local_cached = set(self.cached) | {c["qualified"] for c in candidates}
        self_calls = [c for c in map(self._self_call, self.self_calls) if c is not None]
        if memoizers or candidates or self_calls or self.cached:
            module = self.context.module_name
            self.facts = {
                "memoizers": {f"{module}.{name}": memo for name, memo in memoizers.items()},
                "candidates": candidates,
                "self_calls": self_calls,
                "cached": self.cached,
            }

    def file_facts(self) -> Optional[Dict[str, Any]]:
        return self.facts

    def _singleton(self, class_name: str) -> bool:
        return class_name in self.made_at_import and class_name not in self.made_at_runtime

    # -- project memoizers and ``self`` passed to a cache ---------------------------------------------

    def _qualified(self, node: cst.FunctionDef, klass: Optional[cst.ClassDef]) -> str:
        owner = f"{klass.name.value}." if klass is not None else ""
        return f"{self.context.module_name}.{owner}{node.name.value}"

    def _remember_cached(self, node: cst.FunctionDef, enclosing: Optional[_Scope], cache: _Cache) -> None:
        """A function (or static method) with a known cache, for calls that pass it ``self``."""
        klass = enclosing if isinstance(enclosing, cst.ClassDef) else None
        static = klass is not None and any(
            self.context.qualified_name(_decorator_callee(d)) == "builtins.staticmethod" for d in node.decorators
        )
        if klass is not None and not static:
            return
        params = [p.name.value for p in (*node.params.posonly_params, *node.params.params)]
        open_ended = [p.name.value for p in (*node.params.posonly_params, *node.params.params) if self._open_ended(p)]
        self.cached[self._qualified(node, klass)] = {
            "spelled": cache.spelled, "bounded": cache.bounded, "params": params,
            "reported": [] if static or cache.bounded or any(w in node.name.value.lower() for w in _ONCE_ONLY_WORDS) else open_ended,
        }

    def visit_Assign(self, node: cst.Assign) -> None:
        """``lookup = memoize(_lookup)`` in a class body or at module level: the decorator spelled
        as a call, judged in ``leave_Module`` like ``@memoize`` on ``_lookup``."""
        value = node.value
        if self.scopes and not isinstance(self.scopes[-1], cst.ClassDef):
            return
        if not (isinstance(value, cst.Call) and len(value.args) == 1 and isinstance(value.args[0].value, cst.Name)):
            return
        if len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name) and value.args[0].keyword is None:
            self.wrapped.append((node, self.scopes[-1] if self.scopes else None))

    def _wrapped_candidates(self) -> List[Dict[str, Any]]:
        found = []
        for assign, klass in self.wrapped:
            call = assign.value
            assert isinstance(call, cst.Call)
            wrapped = call.args[0].value
            body = klass.body.body if klass is not None and isinstance(klass.body, cst.IndentedBlock) else (
                self.context.module.body if klass is None else ()
            )
            function = next(
                (s for s in body if isinstance(s, cst.FunctionDef) and isinstance(wrapped, cst.Name) and s.name.value == wrapped.value),
                None,
            )
            if function is None or function.decorators:
                continue
            target = assign.targets[0].target
            assert isinstance(target, cst.Name)
            spelled = " ".join(self.context.code(call).split())[:50]
            fact = self._candidate(function, klass, wrapper=(call.func, spelled, assign, target.value))
            if fact is not None:
                found.append(fact)
        return found

    def _candidate(
        self, node: cst.FunctionDef, klass: Optional[cst.ClassDef], wrapper: Optional[Tuple[Any, str, cst.CSTNode, str]] = None
    ) -> Optional[Dict[str, Any]]:
        """What the project pass needs to judge ``node`` if one of its decorators (or the call
        ``wrapper`` wraps it in) is a memoizer."""
        decorators = []
        sources = (
            [(wrapper[0], False, wrapper[1], wrapper[2])] if wrapper is not None else
            [(_decorator_callee(d), isinstance(d.decorator, cst.Call), "", d) for d in node.decorators]
        )
        for callee, is_call, spelled, at in sources:
            qualified = self.context.qualified_name(callee)
            if not qualified or qualified.startswith(_NOT_PROJECT) or not self._project_name(qualified, self.local_memoizers):
                continue
            location = self.context.location(at)
            decorators.append([
                qualified, is_call, spelled or f"@{dotted_name(callee) or qualified}",
                [location.line, location.column, location.end_line, location.end_column],
            ])
        if not decorators:
            return None
        params = [p.name.value for p in (*node.params.posonly_params, *node.params.params)]
        name = wrapper[3] if wrapper is not None else node.name.value
        owner = f"{klass.name.value}." if klass is not None else ""
        fact: Dict[str, Any] = {
            "qualified": f"{self.context.module_name}.{owner}{name}", "decorators": decorators, "params": params,
            "name": name, "returns_argument": can_return_argument(node),
        }
        skipped = any(self.context.qualified_name(_decorator_callee(d)) in _SKIPPED_DECORATORS for d in node.decorators)
        if klass is not None and not skipped:
            if self._is_enum_class(klass):
                return None
            if not params or node.name.value in _IMPLICIT_CLASS_LEVEL or self._singleton(klass.name.value):
                return None
            fact.update(
                kind="method", method=f"{klass.name.value}.{name}", self_name=params[0],
                suggestion=self._method_suggestion(node, [*node.params.posonly_params, *node.params.params], klass),
            )
            return fact
        every = [
            *node.params.posonly_params, *node.params.params, *node.params.kwonly_params,
            *(p for p in (node.params.star_arg, node.params.star_kwarg) if isinstance(p, cst.Param)),
        ]
        once = any(word in node.name.value.lower() for word in _ONCE_ONLY_WORDS)
        fact.update(
            kind="static" if klass is not None else "function",
            open_ended=[] if once else [p.name.value for p in every if self._open_ended(p)],
        )
        return fact

    def _self_call(self, call: cst.Call) -> Optional[Dict[str, Any]]:
        """``self.info(self)``, ``flat_fields(self)``: a call in an instance method that passes the
        instance itself, with the callee's qualified name and where ``self`` goes."""
        method = self.context.enclosing_scope(call)
        klass = self.context.enclosing_class(call)
        if not isinstance(method, cst.FunctionDef) or klass is None or self.context.parent(self.context.parent(method)) is not klass:
            return None
        params = [*method.params.posonly_params, *method.params.params]
        if not params or params[0].name.value != "self" or method.name.value in _IMPLICIT_CLASS_LEVEL:
            return None
        if any(self.context.qualified_name(_decorator_callee(d)) in _SKIPPED_DECORATORS for d in method.decorators):
            return None
        if self._is_enum_class(klass) or self._singleton(klass.name.value):
            return None
        func = call.func
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) and func.value.value == "self":
            callee = f"{self.context.module_name}.{klass.name.value}.{func.attr.value}"
        else:
            callee = self.context.qualified_name(func) or ""
        if not callee or not self._project_name(callee, self.local_cached):
            return None
        for index, arg in enumerate(call.args):
            if isinstance(arg.value, cst.Name) and arg.value.value == "self" and not arg.star:
                location = self.context.location(call)
                return {
                    "callee": callee, "index": index if arg.keyword is None else arg.keyword.value,
                    "class": klass.name.value, "method": f"{klass.name.value}.{method.name.value}",
                    "text": _one_line(self.context.code(call)),
                    "location": [location.line, location.column, location.end_line, location.end_column],
                }
        return None

    def _project_name(self, qualified: str, local: Set[str]) -> bool:
        """A name of this module that is in ``local``, or a name of another module of the project."""
        module = self.context.module_name
        if qualified.startswith(module + "."):
            return qualified in local
        return may_be_project_name(module, qualified)

    def _is_enum_class(self, klass: cst.ClassDef) -> bool:
        return any(self._is_enum_base(base.value) for base in klass.bases if base.keyword is None)

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        memoizers: Dict[str, Dict[str, Any]] = {}
        cached: Dict[str, Dict[str, Any]] = {}
        for data in facts.values():
            if data:
                memoizers.update(data["memoizers"])
                cached.update(data["cached"])
        findings: List[Finding] = []
        for path in sorted(facts):
            data = facts[path]
            for candidate in (data or {}).get("candidates", ()):
                for qualified, is_call, spelled, location in candidate["decorators"]:
                    memo = memoizers.get(qualified)
                    if memo is None or memo["factory"] != is_call:
                        continue
                    finding = cls._memoized(path, candidate, qualified, memo, spelled, Location(*location))
                    entry = {"spelled": spelled, "bounded": False, "params": candidate["params"], "memo": qualified,
                             "weak": memo["weak"], "reported": candidate.get("open_ended", []) if finding else []}
                    if candidate["kind"] != "method":
                        cached[candidate["qualified"]] = entry
                    if finding is not None:
                        findings.append(finding)
                    break
        for path in sorted(facts):
            for call in (facts[path] or {}).get("self_calls", ()):
                finding = cls._self_passed(path, call, cached, memoizers)
                if finding is not None:
                    findings.append(finding)
        return findings

    @classmethod
    def _memoized(
        cls, path: str, candidate: Dict[str, Any], qualified: str, memo: Dict[str, Any], spelled: str, where: Location
    ) -> Optional[Finding]:
        store = memo["store"]
        name = candidate["name"]
        if memo["weak"]:
            returned = candidate["returns_argument"]
            if not returned:
                return None  # entries go with their argument
            message = (
                f"`{spelled}` on `{name}()` drops an entry when its argument dies (`{qualified}` keeps results in {store}), but "
                f"`{name}` can return its argument `{returned}` unchanged: the cached value then keeps its own key "
                f"alive, so that entry and everything it holds stay for the life of the process"
            )
            suggestion = (
                f"do not cache `{name}` with `{spelled}` (it can hand back `{returned}` itself), or store only values "
                f"that do not refer to the arguments"
            )
            return Finding(path, cls.code, cls.name, message, suggestion, where, Confidence.MEDIUM)
        if candidate["kind"] == "method" and memo.get("text_key"):
            # `key = f"{args}{kwargs}"`: the table keeps the arguments' text, not the instance.
            message = (
                f"`{spelled}` on method `{candidate['method']}` keeps every result for the life of the process: the "
                f"project's memoizer `{qualified}` keeps them in {store}, keyed by the arguments' text (so not "
                f"`{candidate['self_name']}` itself, only what the results refer to), and never evicts"
            )
            suggestion = f"store the result on the instance instead, if it holds anything heavy (`self._{name}`)"
            return Finding(path, cls.code, cls.name, message, suggestion, where, Confidence.LOW)
        if candidate["kind"] == "method" and memo.get("instance_only") and len(candidate["params"]) == 1:
            # A memoizer that takes nothing but the instance was written to key a table by the
            # instance: one entry per object, kept on purpose (the same object back on every call,
            # kept alive with what it registered). `cached_property` would also break `name()`.
            message = (
                f"`{spelled}` on method `{candidate['method']}` keeps every `{candidate['self_name']}` it is called "
                f"with alive for the life of the class: the project's memoizer `{qualified}` takes only the instance "
                f"and keeps one result per instance in {store}, which looks deliberate (the same object back on every "
                f"call, kept alive with whatever it registered)"
            )
            suggestion = (
                f"if the instances should be freed, store the result on the instance on first call (`self._{name}`), "
                f"which keeps `{name}()` callable as it is"
            )
            return Finding(path, cls.code, cls.name, message, suggestion, where, Confidence.LOW)
        if candidate["kind"] == "method":
            message = (
                f"`{spelled}` on method `{candidate['method']}` keeps every `{candidate['self_name']}` it is called "
                f"with alive for the life of the class: the project's memoizer `{qualified}` keeps every result in "
                f"{store}, keyed by the arguments, and never evicts"
            )
            return Finding(path, cls.code, cls.name, message, candidate["suggestion"], where, Confidence.HIGH)
        open_ended = candidate.get("open_ended") or []
        if candidate["kind"] != "function" or not open_ended:
            return None
        shown = ", ".join(f"`{p}`" for p in open_ended[:3])
        message = (
            f"`{spelled}` on `{name}()` keeps every distinct {shown} it is ever called with, and its result, for the "
            f"life of the process: the project's memoizer `{qualified}` keeps them in {store} and never evicts"
        )
        suggestion = (
            f"bound `{qualified}` (evict the oldest entry past a size) or use `@functools.lru_cache(maxsize=N)` on "
            f"`{name}`, unless its arguments come from a small fixed set"
        )
        return Finding(path, cls.code, cls.name, message, suggestion, where, Confidence.MEDIUM)

    @classmethod
    def _self_passed(
        cls, path: str, call: Dict[str, Any], cached: Dict[str, Dict[str, Any]], memoizers: Dict[str, Dict[str, Any]]
    ) -> Optional[Finding]:
        target = cached.get(call["callee"])
        if target is None or target["bounded"] or target.get("weak"):
            return None
        index = call["index"]
        params = target["params"]
        param = index if isinstance(index, str) else params[index] if index < len(params) else None
        if param is None or param in target["reported"]:
            return None  # already reported at the cache, for this parameter
        function = call["callee"].rsplit(".", 1)[-1]
        how = f"`{target['spelled']}`"
        if target.get("memo"):
            how += f" (the project's memoizer `{target['memo']}`, which keeps results in {memoizers[target['memo']]['store']})"
        message = (
            f"`{call['text']}` in `{call['method']}` passes `self` as `{param}` to `{function}`, whose {how} never "
            f"evicts: `self` becomes a key of the cache, so every `{call['class']}` this runs on stays alive for the "
            f"life of the process"
        )
        suggestion = (
            f"pass what the cache is meant to be keyed by (`type(self)`, or the hashable fields `{function}` needs) "
            f"instead of `self`, or bound the cache"
        )
        return Finding(path, cls.code, cls.name, message, suggestion, Location(*call["location"]), Confidence.HIGH)

    def _method_suggestion(self, node: cst.FunctionDef, params: List[cst.Param], klass: cst.ClassDef) -> str:
        name = node.name.value
        others = [p.name.value for p in params[1:]] + [p.name.value for p in node.params.kwonly_params]
        has_star = isinstance(node.params.star_arg, cst.Param) or node.params.star_kwarg is not None
        if not others and not has_star:
            if _has_slots(klass):
                # cached_property needs an instance __dict__, which __slots__ takes away.
                return (
                    f"cache on the instance: add a `_{name}` slot to `__slots__`, set it on first use "
                    f"and return it afterwards, instead of a cache on the class"
                )
            is_property = any(self.context.qualified_name(_decorator_callee(d)) == "builtins.property" for d in node.decorators)
            if is_property:
                return f"replace `@property` and the cache with `@functools.cached_property` on `{name}` (it stores the value on the instance)"
            return (
                f"use `@functools.cached_property` for `{name}` (it stores the value on the instance; "
                f"callers then read `.{name}` without calling it)"
            )
        fields = _self_fields(node, params[0].name.value)
        shown = ", ".join([f"self.{f}" for f in fields[:3]] + others[:3])
        module_level = (
            f"move the work into a module-level `@functools.lru_cache(maxsize=N)` function that takes "
            f"`{shown}` instead of `self`"
            if fields
            else f"move the work into a module-level cached function of `{', '.join(others[:3]) or '...'}`"
        )
        return (
            f"give each instance its own cache in `__init__` (`self.{name} = functools.lru_cache(maxsize=N)"
            f"(self._{name}_uncached)`), or {module_level}"
        )

    # -- module-level functions ----------------------------------------------------------------

    def _check_function(self, node: cst.FunctionDef, cache: _Cache) -> None:
        if cache.bounded or any(word in node.name.value.lower() for word in _ONCE_ONLY_WORDS):
            return
        params = [
            *node.params.posonly_params, *node.params.params, *node.params.kwonly_params,
            *(p for p in (node.params.star_arg, node.params.star_kwarg) if isinstance(p, cst.Param)),
        ]
        open_ended = [p.name.value for p in params if self._open_ended(p)]
        if not open_ended:
            return
        name = node.name.value
        shown = ", ".join(f"`{p}`" for p in open_ended[:3])
        built = self._builds_class(node)
        if built:
            # An intern table of generated classes: its only owner is the cache, and a bound would
            # build the class again for an argument it evicted (two classes for one type).
            message = (
                f"`{cache.spelled}` on `{name}()` keeps a class built with `{built}` for every distinct {shown} "
                f"it is ever called with, for the life of the process: an argument that compares by identity "
                f"(a fresh object per call) adds a new class each time"
            )
            suggestion = (
                f"key the cache by value: pass `{name}` the hashable fields the class depends on instead of "
                f"{shown} (or give its class `__eq__`/`__hash__` by value), so equal arguments share one class"
            )
        else:
            message = (
                f"`{cache.spelled}` on `{name}()` keeps every distinct {shown} it is ever called with, and "
                f"its result, for the life of the process"
            )
            suggestion = f"bound it with `@functools.lru_cache(maxsize=N)` on `{name}`, unless its arguments come from a small fixed set"
        self.report(cache.decorator, message, suggestion=suggestion, confidence=Confidence.MEDIUM)

    def _builds_class(self, function: cst.FunctionDef) -> str:
        """``type(...)``/``namedtuple(...)`` when the function returns a class it builds, else ""."""
        for node in walk_scope(function.body):
            if isinstance(node, cst.Return) and isinstance(node.value, cst.Call):
                qualified = self.context.qualified_name(node.value.func) or ""
                if qualified in _CLASS_BUILDERS and (qualified != "builtins.type" or len(node.value.args) == 3):
                    return qualified.rsplit(".", 1)[-1]
        return ""

    def _open_ended(self, param: cst.Param) -> bool:
        """Objects and input data: a parameter annotated with a class (``Request``, ``Any``) or
        named like per-request data (``request``, ``raw``, ``url``). Flags, enums, literals,
        vocabularies (``codec_name``, ``path``) and bare numbers (``n``) are not."""
        name = param.name.value
        if is_vocabulary_identifier(name):
            return False
        if param.annotation is None:
            return is_workload_identifier(name)
        annotation = self._resolve_alias(param.annotation.annotation)
        if annotation_is_finite(self.context, annotation, self.enum_classes):
            return False
        if self._code_object_annotation(annotation):
            return False  # ``enum: type[Enum]``, ``factory: Callable[..., T]``: classes and functions
        if self._scalar_annotation(annotation) or self._annotation_head(annotation) in _VALUE_TUPLES:
            return is_workload_identifier(name)
        return True

    def _resolve_alias(self, annotation: cst.BaseExpression, depth: int = 3) -> cst.BaseExpression:
        """``_LoadMap[E]`` -> ``tuple[tuple[bytes, E], ...]`` for a module-level type alias."""
        head = annotation.value if isinstance(annotation, cst.Subscript) else annotation
        if isinstance(annotation, cst.SimpleString):
            try:
                head = annotation = cst.parse_expression(annotation.evaluated_value)  # ``"tuple[str, ...]"``
            except Exception:  # noqa: BLE001 (not an expression: leave it as written)
                return annotation
            head = annotation.value if isinstance(annotation, cst.Subscript) else annotation
        if depth and isinstance(head, cst.Name) and head.value in self.type_aliases:
            return self._resolve_alias(self.type_aliases[head.value], depth - 1)
        return annotation

    def _annotation_head(self, annotation: cst.BaseExpression) -> str:
        head = annotation.value if isinstance(annotation, cst.Subscript) else annotation
        qualified = self.context.qualified_name(head) or ""
        if not qualified and isinstance(head, cst.Name):
            qualified = f"builtins.{head.value}"  # (names parsed from a string annotation)
        return qualified

    def _code_object_annotation(self, annotation: cst.BaseExpression) -> bool:
        """``type[X]``, ``Type[X]``, ``Callable[..., T]`` (and unions of them with None)."""
        if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
            sides = (annotation.left, annotation.right)
            return all(self._is_none(side) or self._code_object_annotation(side) for side in sides) and not all(
                self._is_none(side) for side in sides
            )
        return self._annotation_head(annotation) in _CODE_OBJECTS

    @staticmethod
    def _is_none(node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Name) and node.value == "None"

    def _scalar_annotation(self, annotation: cst.BaseExpression) -> bool:
        """``int``, ``str``, and unions of scalars and None (``int | str | None``,
        ``Optional[int]``): a plain value, judged by the parameter's name."""
        if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
            return self._scalar_annotation(annotation.left) and self._scalar_annotation(annotation.right)
        if isinstance(annotation, cst.Name) and annotation.value == "None":
            return True
        if isinstance(annotation, cst.Subscript):
            if (self.context.qualified_name(annotation.value) or "") not in ("typing.Optional", "typing.Union"):
                return False
            return all(
                isinstance(element.slice, cst.Index) and self._scalar_annotation(element.slice.value)
                for element in annotation.slice
            )
        return (self.context.qualified_name(annotation) or "") in _SCALARS

    # -- decorators ------------------------------------------------------------------------------

    def _cache_decorator(self, node: cst.FunctionDef) -> Optional[_Cache]:
        for decorator in node.decorators:
            expression = decorator.decorator
            if isinstance(expression, cst.Call):
                qualified = self.context.qualified_name(expression.func)
                if qualified == "functools.lru_cache":
                    bounded, shown = _lru_cache_bound(expression)
                    return _Cache(decorator, f"@functools.lru_cache({shown})", bounded)
                continue
            qualified = self.context.qualified_name(expression)
            if qualified == "functools.lru_cache":
                return _Cache(decorator, "@functools.lru_cache", True)
            if qualified == "functools.cache":
                return _Cache(decorator, "@functools.cache", False)
        for decorator in node.decorators:
            modelled = self._modelled_cache(decorator)
            if modelled is not None:
                return modelled
        return None

    def _modelled_cache(self, decorator: cst.Decorator) -> Optional[_Cache]:
        """A memoizing decorator of the cache models (``funcy.memoize``, ``toolz.memoize``, the
        user's ``[tool.leaklint.models.cache]``): unbounded unless its bounding keyword is given or
        has a default."""
        expression = decorator.decorator
        callee = expression.func if isinstance(expression, cst.Call) else expression
        qualified = self.context.qualified_name(callee)
        if not qualified or qualified.startswith("functools."):
            return None  # (``functools.cached_property`` stores on the instance)
        model = models.cache_decorator(qualified, models.for_settings(self.settings))
        if model is None:
            return None
        spelled = f"@{dotted_name(callee) or qualified}"
        bounded = model.default_bound is not None
        if isinstance(expression, cst.Call) and model.bounded_by:
            for arg in expression.args:
                if arg.keyword is not None and arg.keyword.value == model.bounded_by:
                    bounded = not (isinstance(arg.value, cst.Name) and arg.value.value == "None")
                    spelled = f"{spelled}({model.bounded_by}=...)" if bounded else f"{spelled}({model.bounded_by}=None)"
        return _Cache(decorator, spelled, bounded)

    def _is_enum_base(self, base: cst.BaseExpression) -> bool:
        qualified = self.context.qualified_name(base) or ""
        if qualified.startswith("enum."):
            return True
        return isinstance(base, cst.Name) and base.value in self.enum_classes


def _one_line(code: str, limit: int = 60) -> str:
    text = " ".join(code.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _has_slots(klass: cst.ClassDef) -> bool:
    if not isinstance(klass.body, cst.IndentedBlock):
        return False
    for statement in klass.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                targets = small.targets if isinstance(small, cst.Assign) else [small] if isinstance(small, cst.AnnAssign) else []
                for target in targets:
                    if isinstance(target.target, cst.Name) and target.target.value == "__slots__":
                        return True
    return False


def _decorator_callee(decorator: cst.Decorator) -> cst.BaseExpression:
    expression = decorator.decorator
    return expression.func if isinstance(expression, cst.Call) else expression


def _lru_cache_bound(call: cst.Call) -> Tuple[bool, str]:
    """(bounded, how maxsize was written) for ``lru_cache(...)``; no argument means 128."""
    maxsize: Optional[cst.BaseExpression] = None
    for index, arg in enumerate(call.args):
        if arg.keyword is not None and arg.keyword.value == "maxsize":
            maxsize = arg.value
        elif arg.keyword is None and not arg.star and index == 0:
            maxsize = arg.value
    if maxsize is None:
        return True, ""
    if isinstance(maxsize, cst.Name) and maxsize.value == "None":
        return False, "maxsize=None"
    return True, "maxsize=..." if not isinstance(maxsize, cst.Integer) else f"maxsize={maxsize.value}"


def _self_fields(function: cst.FunctionDef, self_name: str) -> List[str]:
    """``self.x`` attributes the method reads, in order of first use."""
    fields: List[str] = []
    called: Set[int] = set()
    for node in walk_scope(function.body):
        if isinstance(node, cst.Call):
            called.add(id(node.func))  # ``self.helper(...)`` is a method, not a field
        elif (
            isinstance(node, cst.Attribute)
            and id(node) not in called
            and isinstance(node.value, cst.Name)
            and node.value.value == self_name
            and node.attr.value not in fields
        ):
            fields.append(node.attr.value)
    return fields
