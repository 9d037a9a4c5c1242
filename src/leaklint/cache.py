"""The result cache: a warm run re-reads and hashes each file, and parses nothing that is unchanged.

Layout, like ruff's::

    .leaklint_cache/
        .gitignore          # "*": the folder never ends up in version control
        CACHEDIR.TAG        # backup tools skip it
        <version>/<ab>/<cdef...>.pickle

One entry per (file, run configuration), named by a hash of the file's absolute and display paths
and of everything besides the content that decides its result: leaklint's version and code, the
Python and libcst versions, the settings' fingerprint, the rules selected for the file, its
module name and whether text edits were asked for. The entry holds the content's hash, a checksum and the
pickled ``FileResult`` (findings, per-file facts for the project pass, suppressions); it is used
only when that hash matches the file as read now. The display path is part of the name because a
rule's facts may mention it, so a result is never re-used under another path.

Safety: entries are written to a temporary file and renamed into place (atomic on POSIX and
Windows), so concurrent runs only ever see whole entries, and the last writer wins with an equally
valid result. An entry that cannot be read, is truncated, corrupt, from another version or does
not unpickle is a miss and gets rewritten; a cache folder that cannot be written turns the cache
off for the run. Nothing here raises into the run.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Dict, Optional, Tuple, Type

from leaklint.config import Settings
from leaklint.engine import FileResult
from leaklint.rule import Rule

DEFAULT_DIRECTORY = ".leaklint_cache"
# Bump when the entry layout changes.
_FORMAT = b"LKLC1\n"
_DIGEST_SIZE = 32
_CHECK_SIZE = 16  # a checksum of the pickled payload: a damaged entry must not unpickle
_PICKLE_PROTOCOL = 4  # readable by every supported Python (3.9+)


def content_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST_SIZE).digest()


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_CHECK_SIZE).digest()


def default_directory(settings: Settings) -> Path:
    """``cache-dir`` (relative to the project root) or ``.leaklint_cache`` in the project root."""
    configured = Path(settings.cache_dir) if settings.cache_dir else Path(DEFAULT_DIRECTORY)
    return configured if configured.is_absolute() else Path(settings.root) / configured


def code_fingerprint() -> str:
    """leaklint's version plus the size and mtime of its source files: an edited rule (in a
    development checkout, where the version does not change) invalidates the cache."""
    from leaklint import __version__

    parts = [__version__, sys.version.split()[0], _libcst_version()]
    package = Path(__file__).resolve().parent
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                try:
                    stat = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                parts.append(f"{os.path.relpath(os.path.join(folder, name), package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def _libcst_version() -> str:
    try:  # already imported by the engine: free, where the package metadata costs ~50 ms
        from libcst._version import __version__ as version

        return str(version)
    except Exception:  # noqa: BLE001 - libcst internals; the metadata says the same
        return _distribution_version("libcst")


def _distribution_version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:  # noqa: BLE001
        return "?"


class Cache:
    """Per-file results for one run's settings. ``load``/``store`` never raise."""

    def __init__(self, directory: Path, settings: Settings, *, text_edits: bool = False) -> None:
        from leaklint import __version__

        self.directory = Path(directory)
        self.settings = settings
        self.root = self.directory / _safe_name(__version__)
        self.writable = True
        self.hits = 0
        self.misses = 0
        self._run_key = "\0".join((code_fingerprint(), settings.fingerprint(), f"text_edits={text_edits}"))
        self._rule_keys: Dict[Tuple[Type[Rule], ...], str] = {}
        self._packages: Dict[Path, str] = {}  # folder -> dotted package name, for this run

    # -- keys -------------------------------------------------------------------------------------

    def entry_path(self, path: str) -> Path:
        from leaklint.analysis.context import module_name_for

        rules = tuple(self.settings.rules_for(path))
        rule_key = self._rule_keys.get(rules)
        if rule_key is None:
            rule_key = ",".join(rule.code for rule in rules)
            self._rule_keys[rules] = rule_key
        module_name, is_package = module_name_for(path, self._packages)
        key = "\0".join((os.path.abspath(path), path, self._run_key, rule_key, module_name, str(is_package)))
        name = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
        return self.root / name[:2] / f"{name[2:]}.pickle"

    # -- reading ------------------------------------------------------------------------------------

    def load(self, path: str, data: bytes) -> Optional[FileResult]:
        """The cached result for ``path`` if it was computed from exactly ``data``."""
        try:
            result = self._load(path, data)
        except Exception:  # noqa: BLE001 - a bad entry is a miss, never a crash
            result = None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def _load(self, path: str, data: bytes) -> Optional[FileResult]:
        try:
            with open(self.entry_path(path), "rb") as handle:
                blob = handle.read()
        except OSError:
            return None
        digest_end = len(_FORMAT) + _DIGEST_SIZE
        header = digest_end + _CHECK_SIZE
        if len(blob) <= header or not blob.startswith(_FORMAT):
            return None
        if blob[len(_FORMAT) : digest_end] != content_digest(data):
            return None
        payload = blob[header:]
        if blob[digest_end:header] != _checksum(payload):
            return None
        result = pickle.loads(payload)
        if not isinstance(result, FileResult) or result.path != path:
            return None
        return result

    # -- writing ------------------------------------------------------------------------------------

    def store(self, path: str, data: bytes, result: FileResult) -> None:
        """Remember ``result`` for ``path`` with content ``data`` (atomically; errors ignored)."""
        self.store_digest(path, content_digest(data), result)

    def store_digest(self, path: str, digest: bytes, result: FileResult) -> None:
        """``store`` for content known by its ``content_digest``."""
        if not self.writable or result.has_internal_error:
            # An internal error is a bug to be seen again on the next run, not remembered.
            return
        try:
            payload = pickle.dumps(result, protocol=_PICKLE_PROTOCOL)
        except Exception:  # noqa: BLE001 - a rule's facts that do not pickle: just not cached
            return
        try:
            self._write(self.entry_path(path), _FORMAT + digest + _checksum(payload) + payload)
        except OSError:
            self.writable = False  # read-only or full disk: carry on without writing

    def _write(self, target: Path, blob: bytes) -> None:
        if not target.parent.is_dir():
            self._prepare()
            target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(blob)
            os.replace(temporary, target)
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise

    def _prepare(self) -> None:
        """Create the folder with its .gitignore and CACHEDIR.TAG (first writer wins)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        for name, text in (
            (".gitignore", "# Created by leaklint automatically.\n*\n"),
            ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n# leaklint's cache; see https://bford.info/cachedir/\n"),
        ):
            marker = self.directory / name
            if not marker.exists():
                try:
                    with open(marker, "x", encoding="utf-8") as out:
                        out.write(text)
                except FileExistsError:
                    pass


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in text) or "unknown"


def open_cache(settings: Settings, directory: Optional[str] = None, *, text_edits: bool = False) -> Optional[Cache]:
    """The cache for this run, or None when it cannot be used at all."""
    try:
        return Cache(Path(directory) if directory else default_directory(settings), settings, text_edits=text_edits)
    except Exception:  # noqa: BLE001 - no cache is always a correct answer
        return None

