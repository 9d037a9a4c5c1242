"""API models as data: what library calls acquire, retain, release and return.

The tables live in ``leaklint/models/data/*.toml``, one per library family, and users extend them
under ``[tool.leaklint.models]`` in pyproject.toml (docs/models.md describes the format). Rules and
fixes query them through this module:

- ``acquisition(qualname)``: the resource a call creates and how it is released, or None.
- ``retention(qualname)``: what a call keeps alive, and for how long, or None.
- ``derived_keeps_reference(qualname, arg_index)``: does the call's result keep a reference to
  that argument (``RECEIVER`` for the object a method is called on)?
- ``method_of(created_by, method)``: the name method models use for a method of what a call
  returns (``method_of("sqlite3.connect", "cursor")`` is ``"sqlite3.Connection.cursor"``).
- ``releaser(qualname)``, ``cache_decorator(qualname)``, ``signal_library(qualname)``.
- ``registration(qualname)``: the handle a registering call returns and how it undoes it, or None.
- ``borrows_argument(qualname, index, keyword)``: does the call only use that argument (neither
  close nor keep it)? ``borrowers()``: every call that borrows some argument.

Every function takes an optional ``models`` (a ``Models``); without it the shipped tables answer.
Inside a rule, ``for_settings(self.settings)`` gives the shipped tables plus the user's.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as _resources
from typing import Any, Dict, Iterator, List, Mapping, MutableMapping, Optional, Tuple

from leaklint.models.schema import (
    RECEIVER,
    Acquire,
    Borrow,
    Cache,
    Derived,
    ModelError,
    Register,
    Release,
    Retain,
    SignalLibrary,
    parse_table,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.9/3.10
    import tomli as tomllib

__all__ = [
    "RECEIVER", "Acquire", "Borrow", "Cache", "Derived", "ModelError", "Models", "Register", "Release", "Retain", "SignalLibrary",
    "acquisition", "add_to_rule_settings", "borrowers", "borrows_argument", "cache_decorator", "derived_keeps_keyword", "derived_keeps_reference",
    "for_settings", "is_modelled", "load_table_text", "method_of", "registration", "releaser", "retention", "shipped",
    "shipped_digest",
    "signal_library",
    "user_models_from_table", "USER_MODELS_KEY",
]

# The key under which a rule's settings carry the user's models (canonical JSON of the table).
USER_MODELS_KEY = "@models"
USER_TABLE = "[tool.leaklint.models]"


@dataclass(frozen=True)
class Models:
    """A set of model tables, merged: a later table's entry replaces an earlier one's."""

    acquire: Mapping[str, Acquire] = field(default_factory=dict)
    retain: Mapping[str, Retain] = field(default_factory=dict)
    release: Mapping[str, Release] = field(default_factory=dict)
    returns: Mapping[str, Derived] = field(default_factory=dict)
    cache: Mapping[str, Cache] = field(default_factory=dict)
    signal_libraries: Mapping[str, SignalLibrary] = field(default_factory=dict)
    register: Mapping[str, Register] = field(default_factory=dict)
    borrows: Mapping[str, Borrow] = field(default_factory=dict)

    @classmethod
    def from_tables(cls, tables: List[Dict[str, Dict[str, Any]]]) -> "Models":
        merged: Dict[str, Dict[str, Any]] = {}
        for table in tables:
            for section, entries in table.items():
                merged.setdefault(section, {}).update(entries)
        return cls(
            acquire=merged.get("acquire", {}),
            retain=merged.get("retain", {}),
            release=merged.get("release", {}),
            returns=merged.get("returns", {}),
            cache=merged.get("cache", {}),
            signal_libraries=merged.get("signal-library", {}),
            register=merged.get("register", {}),
            borrows=merged.get("borrows", {}),
        )

    def signal_library(self, qualname: str) -> Optional[SignalLibrary]:
        """The library whose prefix is the longest match for ``qualname`` (a signal object's name)."""
        best: Optional[SignalLibrary] = None
        for prefix, library in self.signal_libraries.items():
            if qualname == prefix or qualname.startswith(prefix + "."):
                if best is None or len(prefix) > len(best.prefix):
                    best = library
        return best


# -- the shipped tables -------------------------------------------------------------------------


def _data_files() -> Iterator[Tuple[str, str]]:
    folder = _resources.files("leaklint.models") / "data"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            yield entry.name, entry.read_text(encoding="utf-8")


def load_table_text(name: str, text: str) -> Dict[str, Dict[str, Any]]:
    """Parse and validate one shipped table; errors name the file and the key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ModelError(f"{name}: not valid TOML: {error}") from None
    return parse_table(data, name, name, allow_meta=True)


@lru_cache(maxsize=1)
def shipped_digest() -> str:
    """A hash of the shipped tables' text, for the cache key: editing a table in a development
    checkout (where the version does not change) must invalidate cached results."""
    digest = hashlib.blake2b(digest_size=16)
    for name, text in _data_files():
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def shipped() -> Models:
    """The tables that ship with leaklint, parsed once per process."""
    return Models.from_tables([load_table_text(name, text) for name, text in _data_files()])


# -- the user's tables --------------------------------------------------------------------------


def user_models_from_table(table: Any) -> str:
    """Validate a ``[tool.leaklint.models]`` table; returns its canonical JSON (hashable and
    picklable, so it can travel in Settings to worker processes and into the cache key).
    Raises ModelError naming the bad key."""
    parse_table(table, USER_TABLE, "pyproject")
    return json.dumps(table, sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=16)
def _extended(user_json: str) -> Models:
    base = shipped()
    user = parse_table(json.loads(user_json), USER_TABLE, "pyproject")
    tables: List[Dict[str, Dict[str, Any]]] = [
        {
            "acquire": dict(base.acquire),
            "retain": dict(base.retain),
            "release": dict(base.release),
            "returns": dict(base.returns),
            "cache": dict(base.cache),
            "signal-library": dict(base.signal_libraries),
            "register": dict(base.register),
            "borrows": dict(base.borrows),
        },
        user,
    ]
    return Models.from_tables(tables)


def for_settings(settings: Optional[Mapping[str, Any]]) -> Models:
    """The models a rule runs with: the shipped tables plus the user's, if its settings carry them."""
    user = settings.get(USER_MODELS_KEY) if settings is not None else None
    return _extended(user) if isinstance(user, str) and user else shipped()


def add_to_rule_settings(rule_settings: MutableMapping[str, Dict[str, Any]], user_json: str, codes: List[str]) -> None:
    """Give every rule the user's models, and LKL301/LKL302 the user's files and resources
    through their ``extra-resources`` option (an entry the user wrote there wins)."""
    models = _extended(user_json)
    user = json.loads(user_json).get("acquire", {})
    for code in codes:
        rule_settings.setdefault(code, {})[USER_MODELS_KEY] = user_json
    for code, category in (("LKL301", "file"), ("LKL302", "resource")):
        extra = {q: models.acquire[q] for q in user if models.acquire[q].category == category}
        if extra:
            options = rule_settings.setdefault(code, {})
            given = options.get("extra-resources")
            options["extra-resources"] = {**extra, **(given if isinstance(given, Mapping) else {})}


# -- queries --------------------------------------------------------------------------------------


def acquisition(qualname: str, models: Optional[Models] = None) -> Optional[Acquire]:
    return (models or shipped()).acquire.get(qualname)


def retention(qualname: str, models: Optional[Models] = None) -> Optional[Retain]:
    return (models or shipped()).retain.get(qualname)


def releaser(qualname: str, models: Optional[Models] = None) -> Optional[Release]:
    return (models or shipped()).release.get(qualname)


def registration(qualname: str, models: Optional[Models] = None) -> Optional[Register]:
    return (models or shipped()).register.get(qualname)


def cache_decorator(qualname: str, models: Optional[Models] = None) -> Optional[Cache]:
    return (models or shipped()).cache.get(qualname)


def signal_library(qualname: str, models: Optional[Models] = None) -> Optional[SignalLibrary]:
    return (models or shipped()).signal_library(qualname)


def derived_keeps_reference(qualname: str, arg_index: int, models: Optional[Models] = None) -> bool:
    """True when the value ``qualname(...)`` returns keeps a reference to its argument number
    ``arg_index`` (0-based, positional; ``RECEIVER`` for the object a method is called on):
    ``map(f, rows)`` keeps ``rows`` (1), ``conn.cursor()`` keeps ``conn`` (``RECEIVER``).
    Unknown calls answer False: ask ``is_modelled`` first when "unknown" must differ from "no"."""
    derived = (models or shipped()).returns.get(qualname)
    return derived is not None and derived.keeps_reference(arg_index)


def method_of(created_by: str, method: str, models: Optional[Models] = None) -> str:
    """The qualified name of ``method`` on what ``created_by(...)`` returns, for method models:
    ``method_of("sqlite3.connect", "cursor")`` is ``"sqlite3.Connection.cursor"``. Without a known
    ``type`` the creator is taken to be the class itself (``zipfile.ZipFile`` -> ``zipfile.ZipFile.open``)."""
    acquire = (models or shipped()).acquire.get(created_by)
    owner = acquire.type if acquire is not None and acquire.type else created_by
    return f"{owner}.{method}"


def borrows_argument(qualname: str, index: Optional[int], keyword: Optional[str] = None, models: Optional[Models] = None) -> bool:
    """True when ``qualname(...)`` only uses its argument at positional ``index`` (or passed as
    ``keyword``): it neither closes it nor keeps it once it returns (``json.load(f)``). Whether
    its *result* keeps the argument (``csv.reader(f)``) is the ``returns`` section's answer."""
    borrow = (models or shipped()).borrows.get(qualname)
    return borrow is not None and borrow.borrows(index, keyword)


def borrowers(models: Optional[Models] = None) -> frozenset:
    """Every call that borrows some argument."""
    return frozenset((models or shipped()).borrows)


def derived_keeps_keyword(qualname: str, keyword: str, models: Optional[Models] = None) -> bool:
    derived = (models or shipped()).returns.get(qualname)
    return derived is not None and keyword in derived.keywords


def is_modelled(qualname: str, models: Optional[Models] = None) -> bool:
    """Whether any table says something about ``qualname``."""
    m = models or shipped()
    return any(qualname in section for section in (m.acquire, m.retain, m.release, m.returns, m.cache, m.register, m.borrows))
