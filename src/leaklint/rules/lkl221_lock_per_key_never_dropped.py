"""LKL221: a table that makes a lock (an event, a semaphore) per key on demand and never drops one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import libcst as cst

from leaklint.analysis.containers import (
    FINITE,
    OBJECT,
    SYNC_PRIMITIVES,
    UNKNOWN,
    VOCABULARY,
    WORKLOAD,
    combine_evidence,
    identifier_tokens,
    key_evidence,
    local_assignments,
)
from leaklint.analysis.growth_facts import (
    ESCAPE,
    GROW,
    SHRINK,
    classify_use,
    is_test_double,
    is_test_module,
    overwrites_existing_key,
    subscript_key,
)
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, Rule

_PRIMITIVE_MODULES = frozenset({"threading", "asyncio", "multiprocessing", "anyio", "trio", "gevent", "eventlet"})
# The cheap filter: a file that names none of them has no such table.
_PRIMITIVE_TEXT = ("Lock", "Event", "Semaphore", "Condition", "CapacityLimiter")
# Methods where a table is built, not used: an entry made there is one per object, not per call.
_SETUP_METHODS = frozenset({"__init__", "__post_init__", "__new__", "__init_subclass__", "__set_name__"})
# Keys that name a peer the program talks to again and again: the table grows with the peers
# it has met, a domain that is open but revisited, so the finding is low.
_PEER_TOKENS = frozenset({"host", "hostname", "address", "addr", "ip", "peer", "url", "uri", "endpoint", "port", "server"})

# (kind, owner, name): ("attr", "Storage", "_file_locks")
TableKey = Tuple[str, str, str]


@dataclass
class _Site:
    node: cst.BaseExpression  # the subscript or call that makes the entry
    function: cst.FunctionDef
    key: Optional[cst.BaseExpression]


@dataclass
class _Table:
    definition: cst.CSTNode
    autovivifies: bool  # ``defaultdict(Lock)``: reading a missing key makes its entry
    primitive: str = ""
    sites: List[_Site] = field(default_factory=list)
    dropped: bool = False  # removed from, reset, sized or handed to other code


class LockPerKeyNeverDropped(Rule):
    """
    ## What it does
    Flags a dict of locks (or events, semaphores, conditions) that makes a new one for every key
    it is asked for, `defaultdict(asyncio.Lock)` indexed with `self._locks[f"run:{run.id}"]`, or
    `self.locks.setdefault(session_id, threading.RLock())`, when nothing ever removes an entry: no
    `pop`, `del`, `clear`, reassignment or size check of the table anywhere in the module. The
    table is an attribute `__init__` makes on `self` (module-level and class-level tables are
    LKL201's and LKL208's).

    ## Why is this bad?
    A per-key lock serialises the work on one run, session or message at a time. Once that work
    is done, its lock has no use, but the table keeps it: every run id, session id or message id
    ever seen leaves a lock (an event with its waiters' list, a condition with its lock) for as
    long as the table lives, and a service that handles a new id per request grows with every
    request. The idiomatic table pops the key when the work ends (`self._locks.pop(key, None)`
    after the `async with`), or holds the locks in a `weakref.WeakValueDictionary`, which drops a
    lock when no caller holds it.

    In the default selection when the key is per-request or per-object data (`run.id`,
    `session_id`, `(msg.arbitration_id, desc_id)`, `id(obj)`); low, shown by the strict profile,
    when the key shows nothing about its domain, or names a peer that comes back (`host`,
    `address`, `url`): such a table grows with the peers the program has met.

    Not flagged: keys from a fixed set or that name things (constants, enum members, `name`,
    `path`: one lock per thing the program names), entries made while the table's object is
    built (`__init__`), lookups under `if key in table:`, weak or bounded tables, tables of test
    modules.

    ## Known problems
    A removal in another module (`storage._locks.pop(key)`) is not seen unless it names the same
    attribute in this module; any removal of the attribute's name in the module counts.

    ## References
    - LKL211 (a long-lived object's table grown per request), LKL218 (an entry removed from one
      of two tables keyed alike), LKL208 (class-level tables).
    """

    code = "LKL221"
    name = "lock-per-key-never-dropped"
    message = "`{table}` makes a new lock per key and nothing removes one"
    examples = (
        Bad(
            "import asyncio\nfrom collections import defaultdict\n\n\nclass RunStore:\n"
            "    def __init__(self):\n        self._locks = defaultdict(asyncio.Lock)\n\n"
            "    async def save(self, run):\n        async with self._locks[run.id]:\n"
            "            await run.write()\n"
        ),
        Good(
            "import asyncio\nfrom collections import defaultdict\n\n\nclass RunStore:\n"
            "    def __init__(self):\n        self._locks = defaultdict(asyncio.Lock)\n\n"
            "    async def save(self, run):\n        async with self._locks[run.id]:\n"
            "            await run.write()\n        self._locks.pop(run.id, None)\n"
        ),
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._candidate = False

    def visit_Module(self, node: cst.Module) -> None:
        source = self.context.source
        self._candidate = any(text in source for text in _PRIMITIVE_TEXT) and not is_test_module(
            self.context.module_name, node
        )

    def leave_Module(self, node: cst.Module) -> None:
        if not self._candidate:
            return
        tables = self._tables(node)
        if not tables:
            return
        for mention in walk(node):
            key = self._mentioned_table(mention, tables)
            if key is not None:
                self._classify(mention, tables[key])  # type: ignore[arg-type]
        for key, table in tables.items():
            if not table.dropped and table.primitive:
                self._judge(key, table)

    # -- the tables --------------------------------------------------------------------------------

    def _tables(self, module: cst.Module) -> Dict[TableKey, _Table]:
        tables: Dict[TableKey, _Table] = {}
        # (module-level and class-level tables are LKL201's and LKL208's, which report them with
        # every other growing global)
        for statement in module.body:
            if isinstance(statement, cst.ClassDef) and isinstance(statement.body, cst.IndentedBlock):
                owner = statement.name.value
                for inner in statement.body.body:
                    if isinstance(inner, cst.FunctionDef) and inner.name.value in ("__init__", "__post_init__"):
                        for assign in walk(inner):
                            if isinstance(assign, (cst.Assign, cst.AnnAssign)):
                                self._definition(assign, "self", owner, tables)
        return tables

    def _definition(self, assign: cst.CSTNode, kind: str, owner: str, tables: Dict[TableKey, _Table]) -> None:
        value = assign.value  # type: ignore[attr-defined]
        if value is None:
            return
        targets = [t.target for t in assign.targets] if isinstance(assign, cst.Assign) else [assign.target]  # type: ignore[attr-defined]
        for target in targets:
            if kind == "self":
                if not (isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) and target.value.value == "self"):
                    continue
                key: TableKey = ("attr", owner, target.attr.value)
            elif isinstance(target, cst.Name):
                key = (kind, owner, target.value)
            else:
                continue
            table = self._table_of(value)
            if table is not None:
                table.definition = assign
                tables[key] = table

    def _table_of(self, value: cst.BaseExpression) -> Optional[_Table]:
        """``defaultdict(Lock)`` (or of a lambda making one), or an empty ``{}``/``dict()``."""
        if isinstance(value, cst.Dict) and not value.elements:
            return _Table(value, autovivifies=False)
        if not isinstance(value, cst.Call):
            return None
        qualified = self.context.qualified_name(value.func) or ""
        if qualified in ("builtins.dict", "collections.OrderedDict") and not value.args:
            return _Table(value, autovivifies=False)
        if qualified != "collections.defaultdict" or not value.args:
            return None
        factory = value.args[0].value
        if isinstance(factory, cst.Lambda) and isinstance(factory.body, cst.Call):
            primitive = self._primitive(factory.body.func)
        else:
            primitive = self._primitive(factory)
        return _Table(value, autovivifies=True, primitive=primitive) if primitive else None

    def _primitive(self, expr: cst.BaseExpression) -> str:
        """``asyncio.Lock`` for an expression naming a synchronisation primitive's class, else ""."""
        qualified = self.context.qualified_name(expr) or ""
        parts = qualified.split(".")
        if len(parts) >= 2 and parts[0] in _PRIMITIVE_MODULES and parts[-1] in SYNC_PRIMITIVES:
            return f"{parts[0]}.{parts[-1]}"
        return ""

    def _made_primitive(self, value: Optional[cst.BaseExpression], function: cst.FunctionDef) -> str:
        if isinstance(value, cst.Call):
            return self._primitive(value.func)
        if isinstance(value, cst.Name):
            for assigned in local_assignments(function).get(value.value) or ():
                if isinstance(assigned, cst.Call) and self._primitive(assigned.func):
                    return self._primitive(assigned.func)
        return ""

    def _mentioned_table(self, node: cst.CSTNode, tables: Dict[TableKey, _Table]) -> Optional[TableKey]:
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
            owner = node.value.value
            if owner in ("self", "cls"):
                klass = self.context.enclosing_class(node)
                owner = klass.name.value if klass is not None else ""
            key: TableKey = ("attr", owner, node.attr.value)
            if key in tables:
                return key
            # a removal through another receiver (``server._locks.pop(k)``) counts for any table of that name
            for other in tables:
                if other[0] == "attr" and other[2] == node.attr.value:
                    use = classify_use(self.context, node)
                    if use.op in (SHRINK, ESCAPE):
                        tables[other].dropped = True
        return None

    # -- the uses ----------------------------------------------------------------------------------

    def _classify(self, mention: cst.BaseExpression, table: _Table) -> None:
        if self._is_definition(mention, table):
            return
        use = classify_use(self.context, mention)
        if use.op in (SHRINK, ESCAPE):
            table.dropped = True
            return
        function = self.context.enclosing_function(mention)
        if function is None or function.name.value in _SETUP_METHODS:
            return
        if use.op == GROW and use.how in ("setdefault", "[]="):
            made = self._made_primitive(use.value, function)
            if not (made or table.autovivifies):
                return
            table.primitive = table.primitive or made
            parent = self.context.parent(mention)
            site = self.context.parent(parent) if use.how == "setdefault" else parent
            key = use.items[0] if use.items else None
            table.sites.append(_Site(site, function, key))  # type: ignore[arg-type]
            return
        parent = self.context.parent(mention)
        if table.autovivifies and isinstance(parent, cst.Subscript) and parent.value is mention and use.how == "[]":
            key = subscript_key(parent)
            if not overwrites_existing_key(self.context, parent, key):
                table.sites.append(_Site(parent, function, key))

    def _is_definition(self, mention: cst.BaseExpression, table: _Table) -> bool:
        definition = table.definition
        targets = (
            [t.target for t in definition.targets] if isinstance(definition, cst.Assign)
            else [definition.target] if isinstance(definition, cst.AnnAssign) else []
        )
        return any(target is mention for target in targets)

    # -- the verdict -------------------------------------------------------------------------------

    def _judge(self, key: TableKey, table: _Table) -> None:
        best: Optional[Tuple[_Site, Confidence]] = None
        for site in table.sites:
            confidence = self._grade(site)
            if confidence is None:
                continue
            if best is None or (confidence is Confidence.MEDIUM and best[1] is Confidence.LOW):
                best = (site, confidence)
        if best is None:
            return
        site, confidence = best
        if key[0] == "attr" and is_test_double(key[1], self.context.module_name):
            confidence = Confidence.LOW
        shown = self.context.code(site.node.value if isinstance(site.node, cst.Subscript) else site.node.func.value).strip()  # type: ignore[attr-defined]
        key_text = self.context.code(site.key).strip() if site.key is not None else "its key"
        primitive = table.primitive.rsplit(".", 1)[-1].lower()
        article = "an" if primitive[0] in "aeiou" else "a"
        self.report(
            site.node,
            f"`{shown}` makes a new `{table.primitive}` for every `{key_text}` it is asked for in "
            f"`{site.function.name.value}()`, and nothing ever removes one: every key ever used keeps its "
            f"{primitive} in the table for as long as `{shown}` lives, so it grows with every new key",
            suggestion=(
                f"drop the entry when the work on that key is done (`{shown}.pop({key_text}, None)` after it is "
                f"released), or keep them in a `weakref.WeakValueDictionary` so that {article} {primitive} "
                "no caller holds goes away"
            ),
            confidence=confidence,
        )

    def _grade(self, site: _Site) -> Optional[Confidence]:
        if _reads_self_only(site.key):
            return None  # ``self._locks[self.id]``: one key per object, in a table of that object
        evidence = key_evidence(self.context, site.key, local_assignments(site.function))
        if evidence == UNKNOWN and isinstance(site.key, cst.FormattedString):
            # ``f"run:{run.id}"``: as many values as what it formats
            evidence = combine_evidence(
                key_evidence(self.context, part.expression, {})
                for part in site.key.parts
                if isinstance(part, cst.FormattedStringExpression)
            )
        if evidence in (FINITE, VOCABULARY):
            return None  # a lock per name or path: as many as the things the program names
        if evidence in (OBJECT, WORKLOAD) and not self._names_peer(site.key):
            return Confidence.MEDIUM
        return Confidence.LOW

    def _names_peer(self, key: Optional[cst.BaseExpression]) -> bool:
        if key is None:
            return False
        names = [n.value for n in walk(key) if isinstance(n, cst.Name)]
        names += [n.attr.value for n in walk(key) if isinstance(n, cst.Attribute)]
        return any(token in _PEER_TOKENS for name in names for token in identifier_tokens(name))


def _reads_self_only(key: Optional[cst.BaseExpression]) -> bool:
    """``self.id``, ``(self.host, self.port)``: a key the object reads from itself."""
    parts = [e.value for e in key.elements] if isinstance(key, cst.Tuple) else [key]
    return bool(parts) and all(
        isinstance(p, cst.Attribute) and isinstance(p.value, cst.Name) and p.value.value == "self" for p in parts
    )
