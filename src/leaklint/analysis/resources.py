"""The resource catalogue: which calls create something that must be released, and how.

Data, not code: each entry says how the resource is released, whether it needs ``async with``,
whether ``with`` releases it at all (``sqlite3.connect``'s does not) and whether putting it under
``with`` changes behaviour beyond releasing it (``Popen`` waits, ``Pool`` terminates). Users add
entries through the ``extra-resources`` option of LKL301/LKL302.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple

FILE = "file"
RESOURCE = "resource"


@dataclass(frozen=True)
class ResourceKind:
    qualname: str
    family: str  # FILE (LKL301) or RESOURCE (LKL302)
    # Methods that release it (``f.close()``); ``os.close`` releases a raw file descriptor.
    release: Tuple[str, ...] = ("close",)
    is_async: bool = False  # needs ``async with`` / ``await x.aclose()``
    with_closes: bool = True  # False: ``with x`` does not release it (fix: ``contextlib.closing``)
    with_changes_behaviour: bool = False  # ``with`` also waits / terminates / sends QUIT
    with_release: str = "close"  # what ``with`` calls on exit, for the safe close-block fix
    fd: bool = False  # a raw file descriptor (``os.close(fd)``), no ``with`` form
    tuple_items: Tuple[int, ...] = ()  # the call returns a tuple; these items are the resources
    var: str = "f"  # the name a fix gives it
    enter_returns_self: bool = True  # False: `with x as y` binds something else (a path)

    @property
    def can_use_with(self) -> bool:
        return not self.fd

    @property
    def short(self) -> str:
        return self.qualname.rsplit(".", 1)[-1] if self.qualname.startswith("builtins.") else self.qualname


def _file(qualname: str, **kwargs: Any) -> ResourceKind:
    return ResourceKind(qualname, FILE, **kwargs)


def _res(qualname: str, **kwargs: Any) -> ResourceKind:
    return ResourceKind(qualname, RESOURCE, **kwargs)


_FD = dict(release=("os.close",), fd=True, var="fd")
_SOCKET = dict(release=("close",), var="sock")
_WAITS = dict(with_changes_behaviour=True)

CATALOGUE: Dict[str, ResourceKind] = {
    kind.qualname: kind
    for kind in (
        # LKL301: files and file-like handles
        _file("builtins.open"),
        _file("io.open"),
        _file("io.FileIO"),
        _file("io.open_code"),
        _file("tokenize.open"),
        _file("_io.open"),
        _file("codecs.open"),
        _file("pathlib.Path.open"),
        _file("gzip.open"),
        _file("gzip.GzipFile"),
        _file("bz2.open"),
        _file("bz2.BZ2File"),
        _file("lzma.open"),
        _file("lzma.LZMAFile"),
        _file("tarfile.open"),
        _file("tarfile.TarFile"),
        _file("tarfile.TarFile.open"),
        _file("zipfile.ZipFile"),
        _file("tempfile.TemporaryFile"),
        _file("tempfile.NamedTemporaryFile"),
        _file("tempfile.SpooledTemporaryFile"),
        _file("os.fdopen"),
        _file("os.open", **_FD),
        _file("tempfile.mkstemp", tuple_items=(0,), **_FD),
        _file("dbm.open", var="db"),
        _file("shelve.open", var="db"),
        # LKL302: sockets, connections, processes, pools, sessions
        _res("socket.socket", **_SOCKET),
        _res("socket.create_connection", **_SOCKET),
        _res("socket.create_server", **_SOCKET),
        _res("socket.fromfd", **_SOCKET),
        _res("socket.socketpair", tuple_items=(0, 1), **_SOCKET),
        _res("sqlite3.connect", with_closes=False, var="conn"),
        _res("sqlite3.dbapi2.connect", with_closes=False, var="conn"),
        _res("subprocess.Popen", release=("wait", "communicate"), with_release="wait", var="proc", **_WAITS),
        _res("urllib.request.urlopen", var="response"),
        _res("http.client.HTTPConnection", with_closes=False, var="conn"),
        _res("http.client.HTTPSConnection", with_closes=False, var="conn"),
        _res("concurrent.futures.ThreadPoolExecutor", release=("shutdown",), with_release="shutdown", var="executor", **_WAITS),
        _res("concurrent.futures.ProcessPoolExecutor", release=("shutdown",), with_release="shutdown", var="executor", **_WAITS),
        _res("multiprocessing.Pool", release=("close", "terminate"), with_release="terminate", var="pool", **_WAITS),
        _res("multiprocessing.pool.Pool", release=("close", "terminate"), with_release="terminate", var="pool", **_WAITS),
        _res("multiprocessing.pool.ThreadPool", release=("close", "terminate"), with_release="terminate", var="pool", **_WAITS),
        _res("selectors.DefaultSelector", var="selector"),
        _res("asyncio.new_event_loop", with_closes=False, var="loop"),
        _res("logging.FileHandler", with_closes=False, var="handler"),
        _res("logging.handlers.RotatingFileHandler", with_closes=False, var="handler"),
        _res("logging.handlers.TimedRotatingFileHandler", with_closes=False, var="handler"),
        _res("logging.handlers.WatchedFileHandler", with_closes=False, var="handler"),
        _res("mmap.mmap", var="mapped"),
        _res(
            "tempfile.TemporaryDirectory",
            release=("cleanup",),
            with_release="cleanup",
            var="tmpdir",
            enter_returns_self=False,
        ),
        _res("requests.Session", var="session"),
        _res("requests.sessions.Session", var="session"),
        _res("httpx.Client", var="client"),
        _res("httpx.AsyncClient", release=("aclose",), with_release="aclose", is_async=True, var="client"),
        _res("aiohttp.ClientSession", is_async=True, var="session"),
        _res("smtplib.SMTP", release=("close", "quit"), with_release="quit", var="smtp", **_WAITS),
        _res("smtplib.SMTP_SSL", release=("close", "quit"), with_release="quit", var="smtp", **_WAITS),
        _res("ftplib.FTP", release=("close", "quit"), with_release="quit", var="ftp", **_WAITS),
        _res("ftplib.FTP_TLS", release=("close", "quit"), with_release="quit", var="ftp", **_WAITS),
        _res("psycopg.connect", var="conn"),
        _res("psycopg2.connect", with_closes=False, var="conn"),
        _res("pymysql.connect", var="conn"),
    )
}

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
