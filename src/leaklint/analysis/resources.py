"""The resource catalogue: which calls create something that must be released, and how.

Data, not code: the entries come from the ``acquire`` sections of the API models
(``leaklint/models/data/*.toml``, described in docs/models.md). Each says how the resource is
released, whether it needs ``async with``, whether ``with`` releases it at all (``sqlite3.connect``'s
does not) and whether putting it under ``with`` changes behaviour beyond releasing it (``Popen``
waits, ``Pool`` terminates). Users add entries through ``[tool.leaklint.models.acquire]`` or the
``extra-resources`` option of LKL301/LKL302.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple

from leaklint import models
from leaklint.models import Acquire

FILE = "file"
RESOURCE = "resource"


@dataclass(frozen=True)
class ResourceKind:
    qualname: str
    family: str  # FILE (LKL301) or RESOURCE (LKL302)
    # Methods that release it (``f.close()``); ``os.close`` releases a raw file descriptor.
    release: Tuple[str, ...] = ("close",)
    release_without_arguments: Tuple[str, ...] = ()  # ``resp.read()`` reads to the end, which releases it
    is_async: bool = False  # needs ``async with`` / ``await x.aclose()``
    with_closes: bool = True  # False: ``with x`` does not release it (fix: ``contextlib.closing``)
    with_changes_behaviour: bool = False  # ``with`` also waits / terminates / sends QUIT
    with_release: str = "close"  # what ``with`` calls on exit, for the safe close-block fix
    fd: bool = False  # a raw file descriptor (``os.close(fd)``), no ``with`` form
    tuple_items: Tuple[int, ...] = ()  # the call returns a tuple; these items are the resources
    var: str = "f"  # the name a fix gives it
    enter_returns_self: bool = True  # False: `with x as y` binds something else (a path)
    factory: str = ""  # returned by this function of the module (``connect``), which calls ``qualname``
    maybe_none: bool = False  # the factory may return None instead (no `with` fix: `with None` fails)
    category: str = ""  # the model's category ("loop": `stop()` ends `run_forever()` but releases nothing)
    # A path the release functions remove (``tempfile.mkdtemp``: ``shutil.rmtree``). Released by a
    # function like a descriptor (``fd`` is set too), and a string: handing it to a call is a use.
    path: bool = False
    when_keyword: str = ""  # only a call passing this keyword a true value acquires (stream=True)

    @property
    def can_use_with(self) -> bool:
        # Without a `with` of its own, only `contextlib.closing` could manage it, and that calls
        # close(): an Engine (dispose) or a PeriodicCallback (stop) has no `with` form at all.
        # `contextlib.closing` is synchronous: an async resource without an `async with` of its
        # own (asyncpg's Connection) is released by `await x.close()` in a `finally:` only.
        if not self.with_closes and self.is_async:
            return False
        return not self.fd and not self.maybe_none and (self.with_closes or "close" in self.release)

    @property
    def short(self) -> str:
        return self.qualname.rsplit(".", 1)[-1] if self.qualname.startswith("builtins.") else self.qualname


def kind_from_model(acquire: Acquire) -> Optional[ResourceKind]:
    """The catalogue entry for a model's ``acquire`` entry; None for categories the resource
    rules do not check (threads and tasks have rules of their own)."""
    family = _FAMILIES.get(acquire.category)
    if family is None:
        return None
    return ResourceKind(
        acquire.qualname,
        family,
        release=acquire.release,
        release_without_arguments=acquire.release_without_arguments,
        is_async=acquire.is_async,
        # A raw descriptor has no `with` form (can_use_with is False); the rules read these two
        # fields for it only where "close" is the neutral answer.
        with_closes=acquire.with_releases or acquire.fd or acquire.path,
        with_changes_behaviour=acquire.with_changes_behaviour,
        with_release="close" if acquire.fd or acquire.path else acquire.with_calls,
        fd=acquire.fd or acquire.path,
        tuple_items=acquire.tuple_items,
        var=acquire.name,
        enter_returns_self=acquire.with_returns_self,
        category=acquire.category,
        path=acquire.path,
        when_keyword=acquire.when_keyword,
    )


# Event loops and logging handlers hold descriptors too: LKL302 checks that their owner closes
# them (a loop replaced without close(), a handler removed without close()).
_FAMILIES = {"file": FILE, "resource": RESOURCE, "loop": RESOURCE, "handler": RESOURCE}


def _catalogue() -> Dict[str, ResourceKind]:
    kinds: Dict[str, ResourceKind] = {}
    for qualname, acquire in models.shipped().acquire.items():
        kind = kind_from_model(acquire)
        if kind is not None:
            kinds[qualname] = kind
    return kinds


# The shipped models' files (LKL301) and other resources (LKL302): leaklint/models/data/*.toml.
CATALOGUE: Dict[str, ResourceKind] = _catalogue()

# The last part of every catalogued name, for a cheap first test in ``visit_Call``.
TERMINAL_NAMES = frozenset(name.rsplit(".", 1)[-1] for name in CATALOGUE)


def extra_kinds(option: Any, family: str) -> Dict[str, ResourceKind]:
    """Entries from an ``extra-resources`` option: ``{"mylib.connect" = "close"}`` or a table
    ``{"mylib.connect" = {release = "close", async = false, with = true}}``. Bad entries are
    skipped (config errors must not crash a lint run)."""
    kinds: Dict[str, ResourceKind] = {}
    if not isinstance(option, Mapping):
        return kinds
    for qualname, spec in option.items():
        kind = _extra_kind(qualname, spec, family)
        if kind is not None:
            kinds[qualname] = kind
    return kinds


def _extra_kind(qualname: Any, spec: Any, family: str) -> Optional[ResourceKind]:
    if not isinstance(qualname, str) or not qualname:
        return None
    if isinstance(spec, Acquire):  # from [tool.leaklint.models.acquire], already validated
        kind = kind_from_model(spec)
        return kind if kind is not None and kind.family == family else None
    if isinstance(spec, str):
        spec = {"release": spec}
    if not isinstance(spec, Mapping):
        return None
    release = spec.get("release", "close")
    if not isinstance(release, str):
        return None
    fd = release == "os.close"
    is_async = bool(spec.get("async", release == "aclose"))
    return ResourceKind(
        qualname,
        family,
        release=(release,),
        is_async=is_async,
        with_closes=bool(spec.get("with", not fd)),
        with_changes_behaviour=bool(spec.get("with-changes-behaviour", False)),
        with_release=release,
        fd=fd,
        var=str(spec.get("name", "fd" if fd else "resource")),
    )
