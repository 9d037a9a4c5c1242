"""The result cache: a warm run re-reads and hashes each file, and parses nothing that is unchanged.

Layout::

    <cache folder>/
        .gitignore          # "*": the folder never ends up in version control
        CACHEDIR.TAG        # backup tools skip it
        <version>/<ab>/<cdef...>.json

The cache folder is, by default, outside the checked tree: ``leaklint/projects/<hash of the
project root>`` in the user's cache folder (``$XDG_CACHE_HOME``, else ``~/.cache``; the platform's
own on macOS and Windows). ``--cache-dir`` chooses another; ``cache-dir`` in a project's own
pyproject.toml is honoured only inside that project (a checkout must not point the cache at
another project's entries).

One entry per (file, run configuration), named by a hash of the file's absolute and display paths
and of everything besides the content that decides its result: leaklint's version and code, the
Python and libcst versions, the settings' fingerprint, the rules selected for the file, its
module name and whether text edits were asked for. The display path is part of the name because a
rule's facts may mention it, so a result is never re-used under another path.

**Data, never code.** An entry is a header, an HMAC and a JSON document: the content's hash, then
the findings, the per-file facts and the suppressions as plain values (see ``leaklint.cachecodec``),
validated field by field when read. Nothing in an entry is ever unpickled or imported: the worst a
crafted entry can do is be a miss.

**Entries a checkout cannot forge.** The HMAC (SHA-256) covers the entry's key (absolute path,
settings, versions...), the content hash and the document, under a key made once per user
(``leaklint/cache-key`` in the user's cache folder, 32 random bytes, mode 0600, refused when
another user owns it or others can read it). An entry planted in a repository, copied from
another file or project, or edited, fails the check and is a miss, never an error.

Safety: entries are written to a temporary file and renamed into place (atomic on POSIX and
Windows), so concurrent runs only ever see whole entries, and the last writer wins with an equally
valid result. An entry that cannot be read, is too large, truncated, corrupt, from another version
or fails its check is a miss and gets rewritten; a cache folder that cannot be written turns the
cache off for the run. Nothing here raises into the run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Set, Tuple, Type

from leaklint.cachecodec import DecodeError, decode_project, decode_result, encode_project, encode_result, loads
from leaklint.config import Settings
from leaklint.engine import FileResult
from leaklint.rule import Finding, Rule

DEFAULT_DIRECTORY = ".leaklint_cache"  # the folder name leaklint used to keep in the project root
# Bump when the entry layout changes.
_FORMAT = b"LKLC2\n"
_DIGEST_SIZE = 32
_MAC_SIZE = 32
_KEY_SIZE = 32
KEY_NAME = "cache-key"
# An entry larger than this is not written, and not read: a planted giant file costs one stat.
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)


def content_digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST_SIZE).digest()


def user_cache_home() -> Path:
    """The user's cache folder: ``$XDG_CACHE_HOME`` when set (absolute), else the platform's."""
    configured = os.environ.get("XDG_CACHE_HOME", "")
    if configured and os.path.isabs(configured):
        return Path(configured)
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        if local:
            return Path(local)
    elif sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    return Path.home() / ".cache"


def user_directory() -> Path:
    """leaklint's folder in the user's cache folder (the key and, by default, the entries)."""
    return user_cache_home() / "leaklint"


def project_directory(root: str) -> Path:
    """The default cache folder of the project rooted at ``root``: outside the checked tree."""
    try:
        resolved = str(Path(root).resolve())
    except OSError:
        resolved = os.path.abspath(root)
    name = hashlib.blake2b(resolved.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return user_directory() / "projects" / f"{_safe_name(Path(resolved).name)[:40]}-{name}"


def configured_directory_refused(settings: Settings) -> Optional[str]:
    """Why the ``cache-dir`` from a project's own pyproject.toml is not used (None: it is, or none).

    A checkout chooses its pyproject, so its ``cache-dir`` must stay inside the project: otherwise
    it could make leaklint read and write another project's cache folder (or any folder).
    """
    if not settings.cache_dir or settings.origin("cache-dir") in (None, "command line"):
        return None
    configured = Path(settings.cache_dir)
    root = Path(settings.root)
    try:
        target = (configured if configured.is_absolute() else root / configured).resolve()
        target.relative_to(root.resolve())
    except ValueError:
        return f"cache-dir {settings.cache_dir!r} in {settings.config_file} is outside the project {settings.root}"
    except OSError as error:
        return f"cache-dir {settings.cache_dir!r}: {error}"
    return None


def default_directory(settings: Settings) -> Path:
    """``cache-dir`` (relative to the project root), else the project's folder in the user's cache."""
    if settings.cache_dir and configured_directory_refused(settings) is None:
        configured = Path(settings.cache_dir)
        return configured if configured.is_absolute() else Path(settings.root) / configured
    return project_directory(settings.root)


# -- the per-user key -----------------------------------------------------------------------------


class CacheKeyError(OSError):
    """The per-user key cannot be made or is not private: the cache stays off."""


def load_key(folder: Optional[Path] = None) -> bytes:
    """The per-user HMAC key, made on first use (mode 0600 in a 0700 folder). Raises CacheKeyError."""
    folder = folder or user_directory()
    path = folder / KEY_NAME
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".key-")  # mode 0600
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(_KEY_SIZE))
        try:
            os.link(temporary, path)  # never replaces a key another run made meanwhile
        except FileExistsError:
            pass
        except OSError:
            os.replace(temporary, path)
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    handle = os.open(path, os.O_RDONLY | _O_NOFOLLOW | _O_BINARY)
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise CacheKeyError(f"{path} is not a regular file")
        if os.name == "posix":
            if info.st_uid != os.geteuid():
                raise CacheKeyError(f"{path} belongs to another user")
            if info.st_mode & 0o077:
                raise CacheKeyError(f"{path} can be read or written by others (mode {stat.S_IMODE(info.st_mode):o})")
        key = os.read(handle, _KEY_SIZE + 1)
    finally:
        os.close(handle)
    if len(key) != _KEY_SIZE:
        raise CacheKeyError(f"{path} is not a leaklint cache key")
    return key


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
    """Per-file results for one run's settings. ``load``/``store`` never raise.

    Creating one raises CacheKeyError when the per-user key is unusable (``open_cache`` then
    gives no cache at all).
    """

    def __init__(
        self, directory: Path, settings: Settings, *, text_edits: bool = False, key: Optional[bytes] = None
    ) -> None:
        from leaklint import __version__

        self.directory = Path(directory)
        self.settings = settings
        self.root = self.directory / _safe_name(__version__)
        self.writable = True
        self.hits = 0
        self.misses = 0
        self._key = key if key is not None else load_key()
        self._run_key = "\0".join((code_fingerprint(), settings.fingerprint(), f"text_edits={text_edits}"))
        self._rule_keys: Dict[Tuple[Type[Rule], ...], str] = {}
        self._packages: Dict[Path, str] = {}  # folder -> dotted package name, for this run
        self._resolved_root: Optional[Path] = None
        # Folders this run made or checked (inside the cache folder): each entry's write would
        # otherwise stat its folder and resolve its whole path again.
        self._checked_folders: Set[Path] = set()
        self._prepared = False

    # -- keys -------------------------------------------------------------------------------------

    def entry_key(self, path: str) -> str:
        """Everything besides the content that decides ``path``'s result."""
        from leaklint.analysis.context import module_name_for

        rules = tuple(self.settings.rules_for(path))
        rule_key = self._rule_keys.get(rules)
        if rule_key is None:
            rule_key = ",".join(rule.code for rule in rules)
            self._rule_keys[rules] = rule_key
        module_name, is_package = module_name_for(path, self._packages)
        return "\0".join((os.path.abspath(path), path, self._run_key, rule_key, module_name, str(is_package)))

    def entry_path(self, path: str, key: Optional[str] = None) -> Path:
        key = self.entry_key(path) if key is None else key
        name = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
        return self.root / name[:2] / f"{name[2:]}.json"

    def _mac(self, key: str, digest: bytes, payload: bytes) -> bytes:
        message = b"".join((_FORMAT, key.encode("utf-8", "surrogatepass"), b"\0", digest, payload))
        return hmac.new(self._key, message, hashlib.sha256).digest()

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
        key = self.entry_key(path)
        blob = _read_entry(self.entry_path(path, key))
        if blob is None:
            return None
        digest_end = len(_FORMAT) + _DIGEST_SIZE
        header = digest_end + _MAC_SIZE
        if len(blob) <= header or not blob.startswith(_FORMAT):
            return None
        digest = blob[len(_FORMAT) : digest_end]
        if digest != content_digest(data):
            return None
        payload = blob[header:]
        if not hmac.compare_digest(blob[digest_end:header], self._mac(key, digest, payload)):
            return None  # forged, copied from another file or project, or damaged
        try:
            return decode_result(loads(payload), path)
        except (ValueError, DecodeError, RecursionError):
            return None

    # -- the project pass ----------------------------------------------------------------------------

    def project_key(self, inputs: Sequence[Tuple[str, bytes]]) -> str:
        """What decides the project pass: every file's entry key and content digest, in order."""
        digest = hashlib.blake2b(digest_size=_DIGEST_SIZE)
        for path, content in sorted(inputs):
            digest.update(self.entry_key(path).encode("utf-8", "surrogatepass") + b"\0" + content + b"\0")
        return "project\0" + self._run_key + "\0" + digest.hexdigest()

    def _project_entry(self, key: str) -> Tuple[Path, bytes]:
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=_DIGEST_SIZE).digest()
        name = digest.hex()
        return self.root / "project" / f"{name}.json", digest

    def load_project(self, key: str) -> Optional[List[Tuple[str, Finding]]]:
        """The project pass's produced findings for exactly these files and settings, or None."""
        try:
            path, digest = self._project_entry(key)
            blob = _read_entry(path)
            digest_end = len(_FORMAT) + _DIGEST_SIZE
            header = digest_end + _MAC_SIZE
            if blob is None or len(blob) <= header or not blob.startswith(_FORMAT):
                return None
            if blob[len(_FORMAT) : digest_end] != digest:
                return None
            payload = blob[header:]
            if not hmac.compare_digest(blob[digest_end:header], self._mac(key, digest, payload)):
                return None
            return decode_project(loads(payload))
        except Exception:  # noqa: BLE001 - a bad entry is a miss, never a crash
            return None

    def store_project(self, key: str, produced: List[Tuple[str, Finding]]) -> None:
        if not self.writable or any(finding.code == "LKL002" for _, finding in produced):
            return
        try:
            payload = json.dumps(encode_project(produced), ensure_ascii=False, separators=(",", ":")).encode(
                "utf-8", "surrogatepass"
            )
            if len(payload) + 128 > MAX_ENTRY_BYTES:
                return
            path, digest = self._project_entry(key)
            self._write(path, _FORMAT + digest + self._mac(key, digest, payload) + payload)
        except (OSError, DecodeError, ValueError, TypeError, RecursionError):
            self.writable = False

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
            payload = json.dumps(encode_result(result), ensure_ascii=False, separators=(",", ":")).encode(
                "utf-8", "surrogatepass"
            )
        except (DecodeError, ValueError, TypeError, RecursionError):
            return  # facts that are not plain data: just not cached
        if len(payload) + 128 > MAX_ENTRY_BYTES:
            return
        key = self.entry_key(path)
        try:
            self._write(self.entry_path(path, key), _FORMAT + digest + self._mac(key, digest, payload) + payload)
        except OSError:
            self.writable = False  # read-only or full disk: carry on without writing

    def _write(self, target: Path, blob: bytes) -> None:
        folder = target.parent
        if folder not in self._checked_folders:
            if not folder.is_dir():
                self._prepare()
                folder.mkdir(parents=True, exist_ok=True)
            if not self._inside(folder):
                # A symbolic link inside the cache folder (planted in a checkout that holds it)
                # would send the write somewhere else.
                raise OSError(f"{folder} leads outside the cache folder")
            self._checked_folders.add(folder)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
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

    def _inside(self, folder: Path) -> bool:
        if self._resolved_root is None:
            self._resolved_root = self.directory.resolve()
        try:
            folder.resolve().relative_to(self._resolved_root)
        except (ValueError, OSError):
            return False
        return True

    def _prepare(self) -> None:
        """Create the folder with its .gitignore and CACHEDIR.TAG (first writer wins)."""
        if self._prepared:
            return  # once per run: a fresh cache makes up to 256 entry folders
        self._prepared = True
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


def _read_entry(path: Path) -> Optional[bytes]:
    """An entry's bytes; None when missing, not a regular file or larger than MAX_ENTRY_BYTES."""
    try:
        handle = os.open(path, os.O_RDONLY | _O_BINARY)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(handle)


def _safe_name(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in text) or "unknown"


def open_cache(settings: Settings, directory: Optional[str] = None, *, text_edits: bool = False) -> Optional[Cache]:
    """The cache for this run, or None when it cannot be used at all (a warning says why)."""
    refused = None if directory else configured_directory_refused(settings)
    if refused:
        _warn(f"{refused}; using {project_directory(settings.root)} instead")
    try:
        return Cache(Path(directory) if directory else default_directory(settings), settings, text_edits=text_edits)
    except CacheKeyError as error:
        _warn(f"the cache is off: {error}")
        return None
    except Exception:  # noqa: BLE001 - no cache is always a correct answer
        return None


def _warn(message: str) -> None:
    try:
        print(f"leaklint: warning: {message}", file=sys.stderr)
    except (OSError, ValueError, AttributeError):
        pass
