"""The shapes of API models and their validation.

A model table is a mapping with up to eight sections, each keyed by a qualified name
(``"sqlite3.connect"``, ``"sqlite3.Connection.cursor"``):

- ``acquire``: the call creates something that must be released (a file, a socket, a process...).
- ``retain``: the call keeps its arguments alive in a registry (for the life of the process, of
  a referent, or of the receiver), e.g. ``atexit.register``.
- ``release``: the call releases its argument (``os.close(fd)``, ``atexit.unregister(f)``).
- ``returns``: the call returns a value that keeps a reference to some of its arguments
  (``map(f, items)``, ``conn.cursor()``).
- ``cache``: a decorator whose cache keeps the arguments (and results) of every call.
- ``signal-library``: a library whose ``signal.connect(receiver)`` holds receivers weakly or strongly.
- ``register``: the call registers a listener or hook and returns the handle that undoes it
  (``module.register_forward_hook(f)`` returns a handle whose ``remove()`` takes the hook out).
- ``borrows``: the call uses some of its arguments without taking them over: it neither closes
  nor keeps them once it returns (``json.load(f)``, ``shutil.copyfileobj(src, dst)``), so a
  resource passed to it is still the caller's to release.

The same validation runs on the tables shipped with leaklint and on the ones users write under
``[tool.leaklint.models]``; an error names the exact key, as the rest of the configuration does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple

# What ``derived_keeps_reference`` and ``Retain.args`` use for "the object the method is called on".
RECEIVER = -1

CATEGORIES = ("file", "resource", "thread", "task", "loop", "handler", "figure")
UNTIL = ("process", "referent", "receiver")
SECTIONS = ("acquire", "retain", "release", "returns", "cache", "signal-library", "register", "borrows")


class ModelError(ValueError):
    """A problem in a model table. The message starts with the key path that is wrong."""


@dataclass(frozen=True)
class Acquire:
    """A call that creates something that must be released."""

    qualname: str
    category: str  # one of CATEGORIES; "file" feeds LKL301, "resource" LKL302, "figure" LKL308
    release: Tuple[str, ...] = ("close",)  # methods (or ``os.close``-style functions) that release it
    # Methods that release it only when called with no arguments: ``HTTPResponse.read()`` reads
    # the body to its end, and http.client closes the connection there (``read(n)`` does not).
    release_without_arguments: Tuple[str, ...] = ()
    is_async: bool = False  # needs ``async with`` / ``await x.aclose()``
    with_releases: bool = True  # False: ``with x`` does not release it (sqlite3 commits, does not close)
    with_calls: str = "close"  # what ``with`` calls on exit
    with_changes_behaviour: bool = False  # ``with`` also waits / terminates / sends QUIT
    fd: bool = False  # a raw file descriptor: released by ``os.close(fd)``, no ``with`` form
    tuple_items: Tuple[int, ...] = ()  # the call returns a tuple; these items are the resources
    name: str = "resource"  # the variable name a fix gives it
    with_returns_self: bool = True  # False: ``with x as y`` binds something else (a path)
    type: str = ""  # the class of what it returns (``sqlite3.connect`` -> ``sqlite3.Connection``), if known
    # The call returns a path (a directory it made) that the release functions remove
    # (``tempfile.mkdtemp``: ``shutil.rmtree(path)``); no ``with`` form.
    path: bool = False
    # Only a call passing this keyword a true value acquires (``requests.get(u, stream=True)``).
    when_keyword: str = ""
    table: str = ""  # where the entry came from (a shipped table's file name, or "pyproject")


@dataclass(frozen=True)
class Retain:
    """A call that keeps some of its arguments alive in a registry."""

    qualname: str
    args: Tuple[int, ...] = ()  # positional indexes it keeps; RECEIVER for the receiver
    all_args: bool = False  # keeps every positional argument (``atexit.register(f, *args)``)
    keywords: Tuple[str, ...] = ()  # keyword arguments it keeps (``all_args`` covers ``**kwargs``)
    until: str = "process"  # one of UNTIL: how long it keeps them
    referent: Optional[int] = None  # until == "referent": the argument whose death releases them
    key: Optional[int] = None  # the argument that names a registry entry (``logging.getLogger(name)``)
    undo: str = ""  # the call that removes the registration, if any
    slot: bool = False  # one value at a time: the next call replaces it (``signal.signal``, ``sys.settrace``)
    table: str = ""

    def keeps(self, index: int) -> bool:
        if index == RECEIVER:
            return RECEIVER in self.args
        return (self.all_args and index != self.referent) or index in self.args


@dataclass(frozen=True)
class Release:
    """A function that releases its argument (``os.close(fd)``)."""

    qualname: str
    args: Tuple[int, ...] = (0,)
    table: str = ""


@dataclass(frozen=True)
class Derived:
    """A call whose result keeps a reference to some of its arguments."""

    qualname: str
    keeps: Tuple[int, ...] = ()  # positional indexes; RECEIVER for the receiver
    keeps_all: bool = False  # every positional argument (``zip(*its)``, ``functools.partial``)
    keywords: Tuple[str, ...] = ()
    table: str = ""

    def keeps_reference(self, index: int) -> bool:
        if index == RECEIVER:
            return RECEIVER in self.keeps
        return (self.keeps_all and index >= 0) or index in self.keeps


@dataclass(frozen=True)
class Borrow:
    """A call that uses some arguments without taking them over (neither closes nor keeps them;
    a result that keeps one is said by the ``returns`` section)."""

    qualname: str
    args: Tuple[int, ...] = ()  # positional indexes; RECEIVER is not allowed
    all_args: bool = True  # every argument, positional and keyword (the default)
    keywords: Tuple[str, ...] = ()
    table: str = ""

    def borrows(self, index: Optional[int], keyword: Optional[str]) -> bool:
        """Is the argument at positional ``index`` (or passed as ``keyword``) only borrowed?"""
        if self.all_args:
            return True
        if keyword is not None:
            return keyword in self.keywords
        return index is not None and index in self.args


@dataclass(frozen=True)
class Cache:
    """A caching decorator: every call's arguments and result stay in the cache."""

    qualname: str
    bounded_by: str = ""  # the keyword that bounds it (``maxsize``); empty: unbounded
    default_bound: Optional[int] = None  # the bound when the keyword is not given (None: unbounded)
    table: str = ""


@dataclass(frozen=True)
class SignalLibrary:
    """How ``connect`` of a library's signal objects holds its receivers."""

    prefix: str  # module prefix of the signal objects (``django.dispatch``, ``blinker``)
    weak_by_default: bool = False
    weak_keyword: str = ""  # ``connect(receiver, weak=False)`` turns weak holding off
    table: str = ""


@dataclass(frozen=True)
class Register:
    """A call that registers something and returns the handle that undoes the registration."""

    qualname: str
    # How the handle undoes it: "returned()" (the handle is a function to call),
    # "returned.remove()" (a method of the handle), or "pkg.remove(returned)" (a function taking it).
    undo: str
    method: bool = False  # match ``<any receiver>.<last part>(...)``: the receiver's type is rarely known
    once: bool = False  # the registration ends by itself after firing once (a point-in-time timer)
    # With ``method``: the receiver's last name must end with one of these (``hass.bus``,
    # ``self._coordinator``), for method names other libraries also use with another meaning.
    receivers: Tuple[str, ...] = ()
    table: str = ""
    # The registration adds a callback to the listeners of an object that outlives the code (an
    # event bus, a config entry): a dropped handle pins the callback, reported by LKL113, not LKL307.
    listener: bool = False

    @property
    def terminal(self) -> str:
        return self.qualname.rsplit(".", 1)[-1]

    def undo_code(self, handle: str) -> str:
        """The undo call spelled for a handle named ``handle``: ``handle.remove()``."""
        return self.undo.replace("returned", handle)


# -- validation ---------------------------------------------------------------------------------


def _where(path: str, key: str) -> str:
    if not path:
        return key
    return f"{path} {key}" if path.endswith("]") else f"{path}.{key}"


def _quoted(name: str) -> str:
    return f'"{name}"' if "." in name or " " in name else name


def _check_keys(where: str, entry: Mapping[str, Any], known: Tuple[str, ...]) -> None:
    for key in entry:
        if key not in known:
            raise ModelError(f"{_where(where, key)}: unknown key (known: {', '.join(known)})")


def _string(where: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ModelError(f"{where}: expected a non-empty string, got {value!r}")
    return value


def _bool(where: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ModelError(f"{where}: expected true or false, got {value!r}")
    return value


def _index(where: str, value: Any) -> int:
    if value == "receiver":
        return RECEIVER
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ModelError(f'{where}: expected an argument index (0, 1, ...) or "receiver", got {value!r}')
    return value


def _indexes(where: str, value: Any) -> Tuple[Tuple[int, ...], bool]:
    """``[0, 1]``, ``"receiver"``, ``0`` or ``"*"`` (every positional argument)."""
    if value == "*":
        return (), True
    if not isinstance(value, list):
        value = [value]
    indexes: List[int] = []
    all_args = False
    for item in value:
        if item == "*":
            all_args = True
        else:
            indexes.append(_index(where, item))
    return tuple(indexes), all_args


def _strings(where: str, value: Any) -> Tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
        raise ModelError(f"{where}: expected a string or a non-empty list of strings, got {value!r}")
    return tuple(value)


def _qualname(where: str, name: Any) -> str:
    if not isinstance(name, str) or not name or name.startswith(".") or name.endswith(".") or " " in name:
        raise ModelError(f"{where}: {name!r} is not a qualified name like \"package.module.function\"")
    return name


_ACQUIRE_KEYS = (
    "category", "release", "async", "with-releases", "with-calls", "with-changes-behaviour", "fd",
    "tuple-items", "name", "with-returns-self", "type", "path", "when-keyword", "release-without-arguments",
)


def acquire_entry(where: str, qualname: str, spec: Any, table: str) -> Acquire:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys ({', '.join(_ACQUIRE_KEYS)})")
    _check_keys(where, spec, _ACQUIRE_KEYS)
    if "category" not in spec:
        raise ModelError(f"{_where(where, 'category')}: missing (one of {', '.join(CATEGORIES)})")
    category = _string(_where(where, "category"), spec["category"])
    if category not in CATEGORIES:
        raise ModelError(f"{_where(where, 'category')}: {category!r} is not one of {', '.join(CATEGORIES)}")
    release = _strings(_where(where, "release"), spec.get("release", "close"))
    path = _bool(_where(where, "path"), spec.get("path", False))
    fd = _bool(_where(where, "fd"), spec.get("fd", False))
    if path and not all("." in name for name in release):
        raise ModelError(f"{_where(where, 'release')}: a path is released by functions (\"shutil.rmtree\"), not methods")
    items, all_items = _indexes(_where(where, "tuple-items"), spec.get("tuple-items", []))
    if all_items or RECEIVER in items:
        raise ModelError(f"{_where(where, 'tuple-items')}: expected tuple positions (0, 1, ...)")
    return Acquire(
        qualname=qualname,
        category=category,
        release=release,
        release_without_arguments=(
            _strings(_where(where, "release-without-arguments"), spec["release-without-arguments"])
            if "release-without-arguments" in spec else ()
        ),
        is_async=_bool(_where(where, "async"), spec.get("async", release[0] == "aclose")),
        with_releases=_bool(_where(where, "with-releases"), spec.get("with-releases", not (fd or path))),
        with_calls=_string(_where(where, "with-calls"), spec.get("with-calls", release[0])),
        with_changes_behaviour=_bool(_where(where, "with-changes-behaviour"), spec.get("with-changes-behaviour", False)),
        fd=fd,
        tuple_items=items,
        name=_string(_where(where, "name"), spec.get("name", "fd" if fd else "resource")),
        with_returns_self=_bool(_where(where, "with-returns-self"), spec.get("with-returns-self", True)),
        type=_qualname(_where(where, "type"), spec["type"]) if "type" in spec else "",
        path=path,
        when_keyword=_string(_where(where, "when-keyword"), spec["when-keyword"]) if "when-keyword" in spec else "",
        table=table,
    )


_RETAIN_KEYS = ("args", "keywords", "until", "referent", "key", "undo", "slot")


def retain_entry(where: str, qualname: str, spec: Any, table: str) -> Retain:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys ({', '.join(_RETAIN_KEYS)})")
    _check_keys(where, spec, _RETAIN_KEYS)
    args, all_args = _indexes(_where(where, "args"), spec.get("args", []))
    until = _string(_where(where, "until"), spec.get("until", "process"))
    if until not in UNTIL:
        raise ModelError(f"{_where(where, 'until')}: {until!r} is not one of {', '.join(UNTIL)}")
    referent = _index(_where(where, "referent"), spec["referent"]) if "referent" in spec else None
    if until == "referent" and referent is None:
        raise ModelError(f'{_where(where, "referent")}: missing (until = "referent" needs the referent\'s index)')
    key = _index(_where(where, "key"), spec["key"]) if "key" in spec else None
    keywords = _strings(_where(where, "keywords"), spec["keywords"]) if "keywords" in spec else ()
    if not args and not all_args and key is None and not keywords:
        raise ModelError(f"{where}: says nothing is retained (give args, keywords or key)")
    return Retain(
        qualname=qualname,
        args=args,
        all_args=all_args,
        keywords=keywords,
        until=until,
        referent=referent,
        key=key,
        undo=_qualname(_where(where, "undo"), spec["undo"]) if "undo" in spec else "",
        slot=_bool(_where(where, "slot"), spec.get("slot", False)),
        table=table,
    )


def release_entry(where: str, qualname: str, spec: Any, table: str) -> Release:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys (args)")
    _check_keys(where, spec, ("args",))
    args, all_args = _indexes(_where(where, "args"), spec.get("args", [0]))
    if all_args:
        raise ModelError(f"{_where(where, 'args')}: name the released arguments, not \"*\"")
    return Release(qualname, args, table)


def returns_entry(where: str, qualname: str, spec: Any, table: str) -> Derived:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys (keeps, keywords)")
    _check_keys(where, spec, ("keeps", "keywords"))
    if "keeps" not in spec and "keywords" not in spec:
        raise ModelError(f"{_where(where, 'keeps')}: missing (which arguments the result keeps)")
    keeps, keeps_all = _indexes(_where(where, "keeps"), spec.get("keeps", []))
    keywords = _strings(_where(where, "keywords"), spec["keywords"]) if "keywords" in spec else ()
    return Derived(qualname, keeps, keeps_all, keywords, table)


def cache_entry(where: str, qualname: str, spec: Any, table: str) -> Cache:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys (bounded-by, default-bound)")
    _check_keys(where, spec, ("bounded-by", "default-bound"))
    bound = spec.get("default-bound")
    if bound is not None and (isinstance(bound, bool) or not isinstance(bound, int) or bound < 0):
        raise ModelError(f"{_where(where, 'default-bound')}: expected a non-negative integer, got {bound!r}")
    bounded_by = _string(_where(where, "bounded-by"), spec["bounded-by"]) if "bounded-by" in spec else ""
    return Cache(qualname, bounded_by, bound, table)


def signal_library_entry(where: str, prefix: str, spec: Any, table: str) -> SignalLibrary:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys (weak-by-default, weak-keyword)")
    _check_keys(where, spec, ("weak-by-default", "weak-keyword"))
    return SignalLibrary(
        prefix,
        _bool(_where(where, "weak-by-default"), spec.get("weak-by-default", False)),
        _string(_where(where, "weak-keyword"), spec["weak-keyword"]) if "weak-keyword" in spec else "",
        table,
    )


_UNDO = re.compile(r"^(returned\(\)|returned\.[A-Za-z_][A-Za-z0-9_]*\(\)|[A-Za-z_][A-Za-z0-9_.]*\(returned\))$")


def register_entry(where: str, qualname: str, spec: Any, table: str) -> Register:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys (undo, method, once, receivers, listener)")
    _check_keys(where, spec, ("undo", "method", "once", "receivers", "listener"))
    if "undo" not in spec:
        raise ModelError(f'{_where(where, "undo")}: missing ("returned()", "returned.remove()" or "pkg.remove(returned)")')
    undo = _string(_where(where, "undo"), spec["undo"])
    if not _UNDO.match(undo):
        raise ModelError(
            f'{_where(where, "undo")}: {undo!r} is not "returned()", "returned.<method>()" or "<function>(returned)"'
        )
    return Register(
        qualname,
        undo,
        _bool(_where(where, "method"), spec.get("method", False)),
        _bool(_where(where, "once"), spec.get("once", False)),
        _strings(_where(where, "receivers"), spec["receivers"]) if "receivers" in spec else (),
        table,
        _bool(_where(where, "listener"), spec.get("listener", False)),
    )


def borrows_entry(where: str, qualname: str, spec: Any, table: str) -> Borrow:
    if not isinstance(spec, Mapping):
        raise ModelError(f"{where}: expected a table of keys (args, keywords)")
    _check_keys(where, spec, ("args", "keywords"))
    if "args" not in spec and "keywords" not in spec:
        return Borrow(qualname, table=table)  # `{}`: every argument
    args, all_args = _indexes(_where(where, "args"), spec.get("args", []))
    if RECEIVER in args:
        raise ModelError(f"{_where(where, 'args')}: a call borrows its arguments; the receiver is not one")
    keywords = _strings(_where(where, "keywords"), spec["keywords"]) if "keywords" in spec else ()
    return Borrow(qualname, args, all_args, keywords, table)


ENTRY_BUILDERS: Dict[str, Callable[[str, str, Any, str], Any]] = {
    "acquire": acquire_entry,
    "retain": retain_entry,
    "release": release_entry,
    "returns": returns_entry,
    "cache": cache_entry,
    "signal-library": signal_library_entry,
    "register": register_entry,
    "borrows": borrows_entry,
}


def parse_table(table: Mapping[str, Any], where: str, origin: str, allow_meta: bool = False) -> Dict[str, Dict[str, Any]]:
    """Validate one model table; returns ``{section: {qualname: entry}}``. ``where`` prefixes
    every error message (``models`` or ``[tool.leaklint.models]``)."""
    if not isinstance(table, Mapping):
        raise ModelError(f"{where}: expected a table")
    known = SECTIONS + (("meta",) if allow_meta else ())
    parsed: Dict[str, Dict[str, Any]] = {section: {} for section in SECTIONS}
    for section, entries in table.items():
        if section not in known:
            raise ModelError(f"{_where(where, section)}: unknown key (known: {', '.join(known)})")
        if section == "meta":
            continue
        section_where = _where(where, section)
        if not isinstance(entries, Mapping):
            raise ModelError(f"{section_where}: expected a table of \"qualified.name\" = {{...}} entries")
        build = ENTRY_BUILDERS[section]
        for name, spec in entries.items():
            entry_where = _where(section_where, _quoted(str(name)))
            parsed[section][name] = build(entry_where, _qualname(entry_where, name), spec, origin)
    return parsed
