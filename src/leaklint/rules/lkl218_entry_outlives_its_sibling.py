"""LKL218: two tables of one object filled under the same key, and the key removed from one only."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Set, Tuple

import libcst as cst

from leaklint.analysis.containers import DICT_KINDS, container_kind, identifier_tokens, is_written_constant
from leaklint.analysis.growth_facts import ESCAPE, GROW, SHRINK, classify_use, growth_site_text, is_test_module
from leaklint.analysis.lifetimes import is_self_attribute
from leaklint.analysis.walk import walk
from leaklint.rule import Bad, Confidence, Good, RelatedLocation, Rule

# Removals that run once, as the object goes away: they do not bound a table while it serves.
_LATE = frozenset({"__del__", "close", "shutdown", "stop", "__exit__", "__aexit__", "aclose", "cleanup"})


@dataclass
class _Table:
    """A dict of the class (made in ``__init__`` or in the class body) and what the class does to it."""

    kind: Optional[str] = None
    class_level: bool = False  # made in the class body: one table for every instance
    inserts: List[Tuple[cst.CSTNode, str, cst.FunctionDef]] = field(default_factory=list)  # (site, key text, method)
    keyed_removals: Dict[str, int] = field(default_factory=dict)  # method name -> line of the removal
    emptied: bool = False  # cleared, reassigned outside ``__init__``, size-checked or handed on


class EntryOutlivesItsSibling(Rule):
    """
    ## What it does
    Flags a dict of an object (an attribute made in `__init__`, or a class-level dict) whose
    entries are added under the same key as those of another dict of the same class, when the
    class removes that key from the other dict (`del self._consumers[tag]`,
    `self.cache.pop(self.id)`) in a method that leaves this one alone, and nothing ever removes
    from this one by key.

    ## Why is this bad?
    Two tables keyed alike describe one thing: a consumer and its pending frames, a session and
    its lock, a request and its retry count. When the code that ends the thing removes it from
    one table only, the other keeps an entry for every key ever used (a consumer tag, a session
    id: new ones on every call) with whatever the entry holds, for as long as the object lives.
    The class shows which method ends the thing; the fix is one more `pop` there.

    Not flagged: a table the class clears, reassigns outside `__init__`, checks the size of or
    hands to other code; keys that are constants; removals that run only as the object goes away
    (`close`, `__del__`); tables filled while the object is built (`__init__` and the methods only
    it calls); tables of test modules. It is in the default selection when both entries are made
    in the same method under the same key (they describe one thing); it is low, shown by the
    strict profile, when they are filled in different methods (an event's handlers and its timer
    may live apart on purpose) or when this table is also removed from by key somewhere (only not
    where its sibling is): whether every key reaches that removal is not known. It is low too
    when the key is a name or a path (`watcher_name`, `path`): such keys come from a set the program
    is configured with, and the table stays as small as that set.

    ## Known problems
    Keys are compared as written (`consumer_tag` and `consumer_tag` match, `tag` and
    `consumer_tag` do not), and must be the same value: filled in one method, or read from the
    object itself (`self.id`) when filled in two. Two registries each filled under a parameter
    called `name` in methods of their own (collations and window functions) do not share keys. A table that is meant to outlive its sibling's entries (a history of
    finished requests) is reported too; bound it, or add `# noqa: LKL218`.

    ## References
    - LKL211 (a long-lived object's table grown per request), LKL208 (class-level containers).
    """

    code = "LKL218"
    name = "entry-outlives-its-sibling"
    trigger_names = (".pop(", "del ")
    message = "`{table}` keeps entries under the keys removed from `{sibling}`"
    examples = (
        Bad(
            "class Channel:\n    def __init__(self):\n        self._consumers = {}\n        self._pending = {}\n\n"
            "    def consume(self, tag, callback):\n        self._consumers[tag] = callback\n"
            "        self._pending[tag] = []\n\n    def on_cancel_ok(self, tag):\n        del self._consumers[tag]\n"
        ),
        Good(
            "class Channel:\n    def __init__(self):\n        self._consumers = {}\n        self._pending = {}\n\n"
            "    def consume(self, tag, callback):\n        self._consumers[tag] = callback\n"
            "        self._pending[tag] = []\n\n    def on_cancel_ok(self, tag):\n        del self._consumers[tag]\n"
            "        self._pending.pop(tag, None)\n"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.classes: List[cst.ClassDef] = []

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self.classes.append(node)

    def leave_Module(self, node: cst.Module) -> None:
        if not self.classes or is_test_module(self.context.module_name, self.context.module):
            return
        for klass in self.classes:
            self._check(klass)

    def _check(self, klass: cst.ClassDef) -> None:
        tables: Dict[str, _Table] = {}
        body = klass.body.body  # type: ignore[union-attr]
        for statement in body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    value = small.value if isinstance(small, (cst.Assign, cst.AnnAssign)) else None
                    targets = ([t.target for t in small.targets] if isinstance(small, cst.Assign)
                               else [small.target] if isinstance(small, cst.AnnAssign) else [])
                    for target in targets:
                        if isinstance(target, cst.Name) and value is not None:
                            table = tables.setdefault(target.value, _Table())
                            table.kind, table.class_level = container_kind(self.context, value), True
        methods = [s for s in body if isinstance(s, cst.FunctionDef)]
        holders = {klass.name.value, "self", "cls"}
        # Cheap gate first: two dicts, in the class body or assigned in `__init__`.
        dicts = sum(1 for t in tables.values() if t.kind in DICT_KINDS)
        for method in methods:
            if method.name.value == "__init__" and dicts < 2:
                for inner in walk(method.body):
                    if (isinstance(inner, cst.Assign) and len(inner.targets) == 1
                            and isinstance(inner.targets[0].target, cst.Attribute)
                            or isinstance(inner, cst.AnnAssign) and isinstance(inner.target, cst.Attribute)):
                        if container_kind(self.context, inner.value) in DICT_KINDS:  # type: ignore[arg-type]
                            dicts += 1
        if dicts < 2:
            return
        for method in methods:
            for inner in walk(method.body):
                if not (isinstance(inner, cst.Attribute) and isinstance(inner.value, cst.Name)
                        and inner.value.value in holders):
                    continue
                self._use(inner, method, tables)
        if len([t for t in tables.values() if t.kind in DICT_KINDS]) < 2:
            return
        setup = _init_only(methods)
        for table in tables.values():
            # Filled while the object is built (`__init__` and what only it calls): once per
            # instance, not per call.
            table.inserts = [entry for entry in table.inserts if entry[2].name.value not in setup]
        for name, table in tables.items():
            if table.kind not in DICT_KINDS or table.emptied or not table.inserts:
                continue
            self._check_table(klass, name, table, tables)

    def _use(self, node: cst.Attribute, method: cst.FunctionDef, tables: Dict[str, _Table]) -> None:
        name = node.attr.value
        use = classify_use(self.context, node)
        table = tables.setdefault(name, _Table())
        in_init = method.name.value == "__init__"
        parent = self.context.parent(node)
        if isinstance(parent, cst.AnnAssign) and parent.target is node:
            if in_init and parent.value is not None:
                table.kind = container_kind(self.context, parent.value)
            else:
                table.emptied = True
            return
        if use.op == SHRINK and use.how == "=":
            assign = self.context.parent(self.context.parent(node))
            if in_init and isinstance(assign, cst.Assign):
                table.kind = container_kind(self.context, assign.value)
            else:
                table.emptied = True
            return
        if use.op == SHRINK:
            if use.how in ("del", "pop") and self._sweeps(node, name):
                table.emptied = True  # `for key in list(self.t): ... self.t.pop(key)`: a sweep of the table
            elif use.how in ("del", "pop") and not self._late(method):
                table.keyed_removals.setdefault(method.name.value, self.context.location(node).line)
            elif use.how not in ("del", "pop"):
                table.emptied = True  # clear(), popitem(), a size check: bounded some other way
            return
        if use.op == ESCAPE:
            table.emptied = True
            return
        if use.op == GROW and use.how in ("[]=", "setdefault") and use.items and not in_init:
            key = use.items[0]
            if is_written_constant(key):
                return
            table.inserts.append((node, self.context.code(key).strip(), method))

    def _sweeps(self, node: cst.CSTNode, name: str) -> bool:
        """The removal runs in a loop over the table itself: it removes whatever keys it finds, not
        only those its sibling loses."""
        for ancestor in self.context.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                return False
            if isinstance(ancestor, cst.For) and any(
                    isinstance(inner, cst.Attribute) and inner.attr.value == name for inner in walk(ancestor.iter)):
                return True
        return False

    def _late(self, method: cst.FunctionDef) -> bool:
        return method.name.value in _LATE

    def _check_table(self, klass: cst.ClassDef, name: str, table: _Table, tables: Dict[str, _Table]) -> None:
        keys = {key for _node, key, _method in table.inserts}
        for other_name, other in tables.items():
            if other_name == name or other.kind not in DICT_KINDS or not other.keyed_removals:
                continue
            # The same key must reach both tables: written alike in one method, or an attribute of the
            # object itself (`self.id`) in two. A parameter or local of the same name in two methods
            # (`name` in `register_collation` and in `register_window_function`) is a different key.
            shared = {key for key in keys & {k for _n, k, _m in other.inserts}
                      if _same_value(key, klass) or any(
                          k == key and ok == key and method.name.value == other_method.name.value
                          for _n, k, method in table.inserts for _o, ok, other_method in other.inserts)}
            if not shared:
                continue
            missing = [m for m in other.keyed_removals if m not in table.keyed_removals]
            if not missing:
                continue
            # The removal must end the thing in a method of its own: one that also fills the
            # sibling takes the key out while (re)building it, as a rebinding does.
            inserting = {method.name.value for _node, _key, method in other.inserts}
            missing = [m for m in missing if m not in inserting]
            if not missing:
                continue
            key = next(key for key in sorted(shared))
            site = next(node for node, k, _m in table.inserts if k == key)
            # Filled in the same method under the same key, the two entries describe one thing
            # (a consumer and its pending frames); filled apart, they may live apart on purpose
            # (an event's handlers and its timer, a pool's running tasks and its results).
            together = any(k == key and method.name.value == other_method.name.value
                           for _n, k, method in table.inserts for _o, ok, other_method in other.inserts if ok == key)
            self._report(klass, name, table, other_name, missing[0], other.keyed_removals[missing[0]], key, site,
                         together)
            return

    def _report(self, klass: cst.ClassDef, name: str, table: _Table, sibling: str, method: str, line: int,
                key: str, site: cst.Attribute, together: bool) -> None:
        owner = "self" if is_self_attribute(site) else klass.name.value
        shown, other = f"{owner}.{name}", f"{owner}.{sibling}"
        text = growth_site_text(self.context, site)
        elsewhere = ", ".join(f"`{m}()`" for m in table.keyed_removals)
        lifetime = (f"the class `{klass.name.value}` (the process)" if table.class_level
                    else f"the `{klass.name.value}`")
        if table.keyed_removals:
            tail = (f"; it is removed by key only in {elsewhere}, so keys that never get there stay for as long as "
                    f"{lifetime} lives")
            confidence = Confidence.LOW
        else:
            tail = (f", and nothing removes from `{shown}`: every key ever used stays, with its entry, for as long as "
                    f"{lifetime} lives")
            # a key that names a thing (`watcher_name`: one of the configured watchers) comes
            # from a vocabulary, not from the workload: the table stays as small as that set
            names_thing = any(stem in token for token in identifier_tokens(key.rsplit(".", 1)[-1])
                              for stem in ("name", "path"))
            confidence = Confidence.MEDIUM if together and not names_thing else Confidence.LOW
            if not together:
                tail += "; the two are filled in different methods, which may mean they live apart on purpose"
        message = (
            f"`{shown}` gets an entry per `{key}` (`{text}`) alongside `{other}`, but `{method}()` removes the key "
            f"from `{other}` only{tail}"
        )
        suggestion = (
            f"remove the key from `{shown}` wherever it leaves `{other}` (`{shown}.pop({key}, None)` in "
            f"`{method}()`), or keep both entries in one table"
        )
        self.report(site, message, suggestion=suggestion, confidence=confidence,
                    related=(RelatedLocation(self.context.path, line, 1,
                                             f"`{method}()` removes the key from `{other}` only"),))


def _same_value(key: str, klass: cst.ClassDef) -> bool:
    """``self.id``, ``cls.name``, ``Klass.default``: a key read from the object or its class names
    the same value in every method, unlike a parameter or local spelled the same."""
    root, dot, rest = key.partition(".")
    return bool(dot) and root in ("self", "cls", klass.name.value) and all(
        part.isidentifier() for part in rest.split("."))


def _init_only(methods: List[cst.FunctionDef]) -> Set[str]:
    """``__init__`` and the methods called (as ``self.m(...)``) only from it or from each other."""
    callers: Dict[str, Set[str]] = {}
    for method in methods:
        for inner in walk(method.body):
            if (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
                    and isinstance(inner.func.value, cst.Name) and inner.func.value.value == "self"):
                callers.setdefault(inner.func.attr.value, set()).add(method.name.value)
    found = {"__init__"}
    changed = True
    while changed:
        changed = False
        for method in methods:
            name = method.name.value
            if name not in found and callers.get(name) and callers[name] <= found:
                found.add(name)
                changed = True
    return found
