"""How a file's cross-file facts are stored once its check is done: compact, read-only records.

The project pass needs every file's facts at once, so their size per byte of source decides how
much memory a project (or one huge generated module) costs. Built by the per-file pass, a function
summary (``leaklint.facts.summaries``) is a dict of 15 lists, most of them empty, and each entry a
list of lists. Once the file is checked nothing changes them, so ``compact_facts`` rebuilds them as
a ``SummaryRecord`` (a named tuple that answers ``summary["calls"]``, ``.get``, ``.keys`` and
``.items`` as the dict did) of tuples, with one shared ``()`` for every empty list and short names
interned. Class entries share one empty ``frozenset`` for their empty sets and keep small sets of
names as tuples. What the records mean
is unchanged: every reader indexes, unpacks and iterates them, which tuples answer as lists did.

Measured on a generated module of small classes and functions (``bench/memory.py --huge 1
functions``, a summary every 130 bytes): the summaries took 19.8 MB per MB of source as dicts of
lists and 7.5 MB as records; the class entries 9.0 MB and 5.9 MB.
"""

from __future__ import annotations

import sys
from collections import namedtuple
from typing import Any, Dict, Iterator, List, Optional, Tuple

SUMMARY_KEYS: Tuple[str, ...] = (
    "name", "cls", "self", "kind", "params", "kwonly", "holds", "calls", "returns", "breaks", "allocations",
    "roots", "self_calls", "types", "line",
)
_INDEX: Dict[str, int] = {key: index for index, key in enumerate(SUMMARY_KEYS)}
# Summaries written without these keys (a dataclass's generated ``__init__``) read them as empty.
_OPTIONAL = ("roots", "self_calls")
_EMPTY: Tuple[Any, ...] = ()
_EMPTY_SET: frozenset = frozenset()
# Strings this short and without a space are names (functions, classes, locals, kinds): interned,
# one object for all their copies. Longer ones are mostly a statement's text, seldom repeated.
_NAME_LENGTH = 80

_SummaryFields = namedtuple("_SummaryFields", SUMMARY_KEYS)  # type: ignore[misc]


class SummaryRecord(_SummaryFields):
    """A function summary as a read-only mapping from ``SUMMARY_KEYS`` to tuples."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if type(key) is str:
            index = _INDEX.get(key)
            if index is None:
                raise KeyError(key)
            return tuple.__getitem__(self, index)
        return tuple.__getitem__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        index = _INDEX.get(key)
        return default if index is None else tuple.__getitem__(self, index)

    def keys(self) -> Tuple[str, ...]:  # dict(record) and {**record} read these
        return SUMMARY_KEYS

    def values(self) -> Tuple[Any, ...]:
        return tuple(self)

    def items(self) -> Iterator[Tuple[str, Any]]:
        return zip(SUMMARY_KEYS, self)

    def __contains__(self, key: object) -> bool:  # a mapping's `in` asks for a key
        return key in _INDEX


def compact_summary(summary: Any) -> SummaryRecord:
    """``summary`` (a dict, or a record) as a record of tuples."""
    if type(summary) is SummaryRecord:
        return summary
    values: List[Any] = []
    for key in SUMMARY_KEYS:
        if key in _OPTIONAL and key not in summary:
            values.append(_EMPTY)
            continue
        value = summary[key]
        if key == "types":
            value = {_frozen(name): _frozen(kinds) for name, kinds in value.items()} if value else {}
        else:
            value = _frozen(value)
        values.append(value)
    return SummaryRecord(*values)


def plain_summary(summary: Any) -> Dict[str, Any]:
    """``summary`` as the builder wrote it: a dict of lists (JSON-shaped), for tests and tools."""
    return {key: _thawed(value) for key, value in dict(summary).items()}


def _thawed(value: Any) -> Any:
    kind = type(value)
    if kind is list or kind is tuple:
        return [_thawed(item) for item in value]
    if kind is dict:
        return {key: _thawed(item) for key, item in value.items()}
    return value


def _frozen(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        return sys.intern(value) if len(value) <= _NAME_LENGTH and " " not in value else value
    if kind is list or kind is tuple:
        return tuple([_frozen(item) for item in value]) if value else _EMPTY
    return value


def compact_facts(facts: Any) -> Any:
    """Make a rule's file facts compact in place (the class-graph facts: summaries and class
    entries); other facts are left as they are. Returns ``facts``."""
    summaries: Optional[List[Any]] = getattr(facts, "summaries", None)
    if type(summaries) is list and summaries and type(summaries[0]) is not SummaryRecord:
        summaries[:] = [compact_summary(summary) for summary in summaries]
    classes = getattr(facts, "classes", None)
    if type(classes) is list:
        for info in classes:
            _compact_class(info)
    return facts


# ``released`` (what a class's methods release or hand on) is empty for most classes: 216 bytes
# each as a set of its own, 8.1 MB of a generated 10 MB module's 39,408 classes.
_SET_FIELDS = ("weak_properties", "strong_properties", "weak_attrs", "methods", "attrs", "released")
# A small set of names is kept as a tuple: its readers only ask ``in``, iterate and sort, which a
# tuple answers the same (a set's order is arbitrary anyway), in 40 + 8 bytes per name where a
# set takes 216 bytes up to 4 names and 728 up to 18. On a sweep of 15,056 site-packages files,
# 43,000 method and attribute sets of 30,000 classes took 19 MB as sets. Larger sets stay sets,
# so ``in`` stays a lookup on a class of hundreds of methods.
_TUPLE_SET_MAX = 16


def _compact_class(info: Any) -> None:
    # Attributes, not ``__dict__``: the class entries have slots (and reading ``__dict__`` would
    # build one where they do not).
    for name in _SET_FIELDS:
        value = getattr(info, name, None)
        if type(value) is set:
            if not value:
                setattr(info, name, _EMPTY_SET)
            elif len(value) <= _TUPLE_SET_MAX:
                setattr(info, name, tuple(value))
    stores = getattr(info, "init_stores", None)
    if type(stores) is list and not stores:
        info.init_stores = _EMPTY


class AliasTable:
    """The project's import aliases (``"pkg.mod.name" -> target``, every file's module-level
    imports merged), stored per module: ``{"pkg.mod.": {"name": target}}``.

    Answers ``get``, ``in`` and ``[]`` for the full dotted name exactly as the flat dict did: a
    name is split at its last dot (its prefix keeps the dot, so ``"name"`` and ``".name"`` stay
    apart), which is how it was stored. The flat dict held one string per alias for its key, the
    module's name again in each (132,535 aliases on a sweep of site-packages: 12 MB of keys and a
    4 MB table); here a module's name is one key and the bound names, interned, are shared with
    every other file that imports the same name."""

    __slots__ = ("_modules", "_size")

    def __init__(self) -> None:
        self._modules: Dict[str, Dict[str, str]] = {}
        self._size = 0

    def update(self, aliases: Dict[str, str]) -> None:
        """Add ``aliases`` (a file's flat dict), replacing earlier entries of the same name."""
        modules = self._modules
        for name, target in aliases.items():
            cut = name.rfind(".") + 1
            prefix = name[:cut]
            table = modules.get(prefix)
            if table is None:
                table = modules[sys.intern(prefix)] = {}
            tail = sys.intern(name[cut:])
            if tail not in table:
                self._size += 1
            table[tail] = target

    def get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        cut = name.rfind(".") + 1
        table = self._modules.get(name[:cut])
        if table is None:
            return default
        return table.get(name[cut:], default)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None

    def __getitem__(self, name: str) -> str:
        found = self.get(name)
        if found is None:
            raise KeyError(name)
        return found

    def __len__(self) -> int:
        return self._size

    def items(self) -> Iterator[Tuple[str, str]]:
        for prefix, table in self._modules.items():
            for tail, target in table.items():
                yield prefix + tail, target
