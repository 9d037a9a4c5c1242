"""LKL215: a cache that stamps its entries with a time but only drops the key it is reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import FINITE, OBJECT, VOCABULARY, WORKLOAD, key_evidence, local_assignments
from leaklint.analysis.growth_facts import is_test_double, is_test_module, subscript_key
from leaklint.analysis.names import dotted_name
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

# Calls that read a clock: an entry stored with one of these is meant to expire.
_CLOCKS = frozenset(
    {
        "time.time", "time.monotonic", "time.perf_counter", "time.time_ns", "time.monotonic_ns",
        "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
    }
)
_CLOCK_NAMES = frozenset({"time", "monotonic", "perf_counter", "time_ns", "monotonic_ns", "now", "utcnow", "today"})
# Methods that read an entry without removing it (a lookup before the TTL check).
_READS = frozenset({"get", "__getitem__", "__contains__", "setdefault"})
# Methods and calls that bound or sweep the whole container.
_SWEEPS = frozenset({"clear", "popitem", "items", "keys", "values", "copy"})
_REMOVALS = frozenset({"pop"})
_INIT_METHODS = frozenset({"__init__", "__post_init__", "setUp", "__new__"})

# (kind, owner, name): ("module", "", "_cache"), ("attr", "Provider", "_cache")
ContainerKey = Tuple[str, str, str]


@dataclass
class _Store:
    node: cst.Subscript
    function: cst.FunctionDef
    key: Optional[cst.BaseExpression]


@dataclass
class _Table:
    shown: str
    stores: List[_Store] = field(default_factory=list)
    swept: bool = False
    # functions that remove one entry (``del c[k]``, ``c.pop(k)``), and functions that read or store
    removers: Set[int] = field(default_factory=set)
    users: Set[int] = field(default_factory=set)
    # removers whose removal runs only when a clock comparison says the entry expired: the
    # expiry-on-read of a lookup helper (``_cache_get``) that is not the function storing entries
    expiring: Set[int] = field(default_factory=set)


class TtlCacheNeverSwept(Rule):
    """
    ## What it does
    Flags a dict that works as a cache with a time to live (each entry is stored with a clock
    reading, `cache[key] = (time.monotonic(), value)`) when nothing ever sweeps it: the only
    removal is of the key being looked up, when that key is asked for again after it expired (or
    there is no removal at all). The dict is a module-level name, a class attribute, or an
    attribute of `self`.

    ## Why is this bad?
    The timestamp says the author meant entries to go away, but an entry goes away only if its own
    key comes back. Keys that are never asked for again (a user who logged out, a repository
    looked up once, a token that rotated) stay for the life of the dict, with the value they
    cached. Memory grows with the number of distinct keys ever seen, which for per-user or
    per-request keys is without bound.

    This is its own code, not LKL201 or LKL211: those stay quiet for keys that show nothing
    about their domain, and they count the expiry-on-read `del cache[key]` as a removal. Here the
    timestamp itself is the evidence that the key domain is open-ended and the entries are meant
    to be temporary.

    Reported at high confidence when the key is per-request or per-object data (`user_id`,
    `request`, `id(obj)`), medium otherwise. Not flagged: keys from a fixed set or a vocabulary
    (constants, enum members, `name`, `path`), a dict that any code clears, reassigns outside
    `__init__`, iterates (a sweep of expired entries), sizes with `len()` or hands to other code,
    and removals from a function that does not read or store it (an explicit `invalidate(key)`).

    ## Known problems
    A sweep in another module (a scheduled job that calls `cache.clear()` on the imported name)
    is not seen. A bare timestamp table (`last_seen[peer] = time.time()`) is not a cache and is
    left to LKL201/LKL211.

    ## References
    - pylint, ruff, flake8-bugbear: none.
    - cachetools `TTLCache(maxsize, ttl)` expires and bounds entries on every write.
    - LKL201 (module-level containers that only grow), LKL211 (containers of long-lived objects).
    """

    code = "LKL215"
    name = "ttl-cache-never-swept"
    message = "`{name}` stamps entries with a time but drops an entry only when its own key is read again"
    examples = (
        Bad(
            "import time\n\n_cache = {}\n\n\ndef profile(user_id, load):\n    hit = _cache.get(user_id)\n"
            "    if hit is not None and time.monotonic() - hit[0] < 300:\n        return hit[1]\n"
            "    value = load(user_id)\n    _cache[user_id] = (time.monotonic(), value)\n    return value\n"
        ),
        Good(
            "import time\n\n_cache = {}\n\n\ndef profile(user_id, load):\n    now = time.monotonic()\n"
            "    for key in [k for k, (t, _) in _cache.items() if now - t >= 300]:\n        del _cache[key]\n"
            "    hit = _cache.get(user_id)\n    if hit is not None:\n        return hit[1]\n"
            "    value = load(user_id)\n    _cache[user_id] = (now, value)\n    return value\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.module_dicts: Set[str] = set()
        self.stores: List[cst.Subscript] = []  # ``c[k] = ...`` targets: the only thing the walk collects
        self.clocked = False  # the file calls something named like a clock: the cheap filter

    # -- collecting --------------------------------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        for statement in node.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Assign) and _is_empty_dict(small.value):
                    for target in small.targets:
                        if isinstance(target.target, cst.Name):
                            self.module_dicts.add(target.target.value)
                elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name) and _is_empty_dict(small.value):
                    self.module_dicts.add(small.target.value)

    def visit_Call(self, node: cst.Call) -> None:
        if not self.clocked and isinstance(node.func, cst.Attribute) and node.func.attr.value in _CLOCK_NAMES:
            self.clocked = True

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        target = node.target
        if isinstance(target, cst.Subscript) and isinstance(target.value, (cst.Name, cst.Attribute)):
            self.stores.append(target)

    def _container(self, expr: cst.BaseExpression) -> Optional[ContainerKey]:
        """The container an expression names: a module-level dict, ``self.x``/``cls.x``, ``Class.x``."""
        if isinstance(expr, cst.Name):
            return ("module", "", expr.value) if expr.value in self.module_dicts else None
        if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name):
            owner = expr.value.value
            if owner in ("self", "cls"):
                klass = self.context.enclosing_class(expr)
                return ("attr", klass.name.value, expr.attr.value) if klass is not None else None
            if owner[:1].isupper():
                return ("attr", owner, expr.attr.value)
        return None

    # -- deciding ----------------------------------------------------------------------------------

    def leave_Module(self, node: cst.Module) -> None:
        if not self.clocked:
            return
        tables: Dict[ContainerKey, _Table] = {}
        scopes: Dict[ContainerKey, cst.CSTNode] = {}
        for target in self.stores:
            function = self.context.enclosing_function(target)
            if function is None:
                continue
            key = self._container(target.value)
            if key is None:
                continue
            assign = self.context.parent(self.context.parent(target))
            value = assign.value if isinstance(assign, cst.Assign) else None
            if value is None or not self._stamped(value, function):
                continue
            shown = self.context.code(target.value).strip()
            table = tables.setdefault(key, _Table(shown))
            table.stores.append(_Store(target, function, subscript_key(target)))
            if key[0] == "module":
                scopes[key] = self.context.module
            else:
                klass = self.context.enclosing_class(target)
                if klass is not None:
                    scopes[key] = klass
        for key, table in tables.items():
            scope = scopes.get(key)
            if scope is None:
                continue
            # Only files with a time-stamped store get here: one walk of the container's scope.
            for use in walk(scope):
                expr = _mentioned(use)
                if expr is not None and self._container(expr) == key:
                    self._classify(key, use, table)
            if table.swept:
                continue
            storers = {id(store.function) for store in table.stores}
            if any(remover not in storers and remover not in table.expiring for remover in table.removers):
                continue  # removed outside the refresh path: an invalidation, a timeout, a consumer
            self._judge(key, table)

    def _classify(self, key: ContainerKey, use: cst.CSTNode, table: _Table) -> None:
        function = self.context.enclosing_function(use)
        if isinstance(use, cst.Element):
            # `for seq in (self._mv_cookie, self._mv): ... del seq[k]`: a loop hands the table to
            # its body under another name, which sweeps it as well as code that names it would.
            display = self.context.parent(use)
            loop = self.context.parent(display) if isinstance(display, (cst.Tuple, cst.List, cst.Set)) else None
            if isinstance(loop, (cst.For, cst.CompFor)) and loop.iter is display:
                table.swept = True
            return
        if isinstance(use, (cst.For, cst.CompFor)):
            table.swept = True  # iterating it: a sweep of expired entries, or handing entries on
            return
        if isinstance(use, cst.Arg):
            call = self.context.parent(use)
            callee = dotted_name(call.func) if isinstance(call, cst.Call) else None
            if callee not in ("isinstance", "print", "repr"):
                table.swept = True  # ``len(c)`` bounds it; other code may sweep it
            return
        if isinstance(use, cst.AssignTarget):
            # ``c = {}`` in a function (or ``self.c = {}`` outside ``__init__``) resets it
            if function is not None and not (key[0] == "attr" and function.name.value in _INIT_METHODS):
                table.swept = True
            return
        if isinstance(use, cst.Attribute):
            method = use.attr.value
            parent = self.context.parent(use)
            if not (isinstance(parent, cst.Call) and parent.func is use):
                return  # ``c.x`` read as an attribute, not a method called on the dict
            if method in _SWEEPS:
                table.swept = True
            elif method in _REMOVALS:
                self._note_removal(use, function, table)
            elif method in _READS:
                table.users.add(id(function))
            elif method in ("update", "__setitem__"):
                table.users.add(id(function))
            else:
                table.swept = True  # an unknown method: it may bound the dict
            return
        if isinstance(use, cst.Subscript):
            parent = self.context.parent(use)
            if isinstance(parent, cst.Del) or (isinstance(parent, cst.Element) and isinstance(self.context.parent(parent), cst.Tuple) and isinstance(self.context.parent(self.context.parent(parent)), cst.Del)):
                self._note_removal(use, function, table)
                return
            table.users.add(id(function))

    def _note_removal(self, use: cst.CSTNode, function: Optional[cst.FunctionDef], table: _Table) -> None:
        table.removers.add(id(function))
        if function is not None and self._under_clock_test(use, function):
            table.expiring.add(id(function))

    def _under_clock_test(self, node: cst.CSTNode, function: cst.FunctionDef) -> bool:
        """``if time.monotonic() - stamp > ttl: del c[key]``: the removal is an expiry check."""
        current: Optional[cst.CSTNode] = self.context.parent(node)
        while current is not None and current is not function:
            if isinstance(current, cst.If) and any(
                isinstance(part, cst.Call) and self._is_clock(part) for part in walk(current.test)
            ):
                return True
            current = self.context.parent(current)
        return False

    def _stamped(self, value: cst.BaseExpression, function: cst.FunctionDef) -> bool:
        """``(now, value)``, ``Entry(value, expires=time.time() + ttl)``: a clock reading and
        something else, i.e. an entry that carries its own age."""
        if not isinstance(value, (cst.Tuple, cst.List, cst.Dict, cst.Call)):
            return False
        parts = (
            [e.value for e in value.elements]  # type: ignore[union-attr]
            if isinstance(value, (cst.Tuple, cst.List))
            else [getattr(e, "value", None) for e in value.elements]  # type: ignore[union-attr]
            if isinstance(value, cst.Dict)
            else [a.value for a in value.args]  # type: ignore[union-attr]
        )
        if len(parts) < 2:
            return False
        assignments: Optional[dict] = None
        for part in parts:
            if part is None:
                continue
            if self._clock_reading(part):
                return True
            if isinstance(part, cst.Name):
                if assignments is None:
                    assignments = local_assignments(function)
                if any(v is not None and self._clock_reading(v) for v in assignments.get(part.value) or ()):
                    return True
        return False

    def _clock_reading(self, expr: cst.BaseExpression) -> bool:
        """``time.monotonic()``, ``time.time() + ttl``: a time itself, not a call that takes one
        (``io_loop.add_timeout(io_loop.time() + 5, ...)`` is a timer handle)."""
        if isinstance(expr, cst.Call):
            return self._is_clock(expr)
        if isinstance(expr, cst.BinaryOperation):
            return self._clock_reading(expr.left) or self._clock_reading(expr.right)
        return False

    def _is_clock(self, call: cst.Call) -> bool:
        qualified = self.context.qualified_name(call.func) or ""
        if qualified in _CLOCKS:
            return True
        func = call.func  # ``loop.time()``, ``self._loop.time()``
        return (
            isinstance(func, cst.Attribute)
            and func.attr.value == "time"
            and "loop" in (dotted_name(func.value) or "").rsplit(".", 1)[-1].lower()
        )

    def _judge(self, key: ContainerKey, table: _Table) -> None:
        best: Optional[Tuple[_Store, str]] = None
        for store in table.stores:
            assignments = local_assignments(store.function)
            evidence = key_evidence(self.context, store.key, assignments)
            if evidence in (FINITE, VOCABULARY):
                continue
            if best is None or (evidence in (OBJECT, WORKLOAD) and best[1] not in (OBJECT, WORKLOAD)):
                best = (store, evidence)
        if best is None:
            return
        store, evidence = best
        shown = self.context.code(store.node.value).strip()
        key_text = self.context.code(store.key).strip() if store.key is not None else "its key"
        removal = (
            "an entry is dropped only when its own key is read again after it expired"
            if table.removers
            else "nothing ever removes an entry"
        )
        where = store.function.name.value
        self.report(
            store.node,
            f"`{shown}` is a cache with a time to live (`{where}()` stores each entry with a clock reading), but "
            f"{removal}: every `{key_text}` that is never asked for again stays for the life of `{shown}`, "
            "with the value it cached, so it grows with every distinct key",
            suggestion=(
                f"sweep expired entries when storing (drop every entry of `{shown}` whose time is older than the TTL "
                f"before `{self.context.code(store.node).strip()} = ...`), or use "
                "`cachetools.TTLCache(maxsize=..., ttl=...)`, which expires and bounds entries on every write"
            ),
            confidence=self._confidence(key, evidence),
        )

    def _confidence(self, key: ContainerKey, evidence: str) -> Confidence:
        module = self.context.module_name
        if is_test_module(module) or (key[0] == "attr" and is_test_double(key[1], module)):
            return Confidence.LOW  # a stub backend's table lives for one test
        return Confidence.HIGH if evidence in (OBJECT, WORKLOAD) else Confidence.MEDIUM


def _mentioned(node: cst.CSTNode) -> Optional[cst.BaseExpression]:
    """The expression a use of a container mentions, for the node kinds ``_classify`` knows."""
    if isinstance(node, cst.Subscript):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.value
    if isinstance(node, cst.Arg):
        return node.value
    if isinstance(node, (cst.For, cst.CompFor)):
        return node.iter
    if isinstance(node, cst.AssignTarget):
        return node.target
    if isinstance(node, cst.Element):
        return node.value  # `for table in (self._a, self._b):`, kept only when a loop iterates the display
    return None


def _is_empty_dict(value: Optional[cst.BaseExpression]) -> bool:
    if isinstance(value, cst.Dict):
        return not value.elements
    return (
        isinstance(value, cst.Call)
        and not value.args
        and isinstance(value.func, cst.Name)
        and value.func.value in ("dict", "OrderedDict")
    )
