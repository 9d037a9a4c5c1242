"""What a call or attribute gives back, seen from the resource it reads: a plain value, or a
value *derived* from the resource that keeps using it (an iterator, a reader, a cursor, a member
file, a view).

A fix may close a resource at a point only if nothing derived from it outlives that point
(``fixes/escape.py`` asks these questions). This is a small table of its own, kept behind
:func:`call_outcome` and :func:`attribute_outcome` so that it can later be read from the engine's
API models instead; anything it does not know is UNKNOWN, and the escape analysis treats UNKNOWN
as "may keep the resource".
"""

from __future__ import annotations

import enum
from typing import FrozenSet, Optional


class Outcome(enum.Enum):
    PLAIN = "plain"  # an independent value: bytes, str, a list, a number, None
    DERIVED = "derived"  # keeps a reference to the resource and reads from it later
    UNKNOWN = "unknown"  # not modelled: may be either


# Methods whose result is independent of the receiver (files, sockets, connections, archives,
# processes, selectors, responses). ``cursor.execute`` returns the cursor itself: derived.
PLAIN_METHODS: FrozenSet[str] = frozenset(
    {
        # files and streams
        "read", "read1", "readline", "readlines", "readinto", "readinto1", "write", "writelines", "tell",
        "seek", "fileno", "flush", "truncate", "isatty", "readable", "writable", "seekable", "getvalue",
        "close", "detach_name",
        # sockets
        "recv", "recvfrom", "recv_into", "recvfrom_into", "send", "sendall", "sendto", "sendfile",
        "getsockname", "getpeername", "getsockopt", "setsockopt", "settimeout", "gettimeout", "setblocking",
        "bind", "listen", "connect", "connect_ex", "shutdown", "accept",
        # database cursors and connections
        "fetchone", "fetchall", "fetchmany", "commit", "rollback", "total_changes",
        # archives
        "namelist", "getnames", "getmembers", "getmember", "infolist", "getinfo", "testzip", "extractall",
        "extract", "add", "addfile", "writestr", "list",
        # processes, responses, pools, selectors
        "wait", "poll", "communicate", "kill", "terminate", "send_signal", "getcode", "geturl", "getheader",
        "getheaders", "register", "unregister", "modify", "select", "get_key",
        # mmap
        "find", "rfind", "size", "move", "resize",
        # HTTP sessions and clients: a response that is not streamed holds its body, not the session
        "get", "post", "put", "patch", "delete", "head", "options", "request", "json", "raise_for_status",
        # plain Python values
        "decode", "encode", "strip", "split", "splitlines", "startswith", "endswith", "join", "format",
        "count", "index", "keys", "values", "items", "copy", "hexdigest", "digest",
    }
)

# Methods whose result reads from the receiver after the call returns.
DERIVED_METHODS: FrozenSet[str] = frozenset(
    {
        "execute", "executemany", "executescript", "cursor", "extractfile", "makefile", "get_map",
        "open", "__iter__", "__enter__", "iterdump", "blobopen", "backup", "dup", "map", "imap",
        "imap_unordered",
    }
)

# Functions whose result is independent of their arguments (they consume an iterable at once).
PLAIN_FUNCTIONS: FrozenSet[str] = frozenset(
    {f"builtins.{name}" for name in (
        "print", "len", "list", "tuple", "sorted", "set", "frozenset", "dict", "sum", "min", "max", "any",
        "all", "str", "bytes", "bytearray", "int", "float", "bool", "repr", "isinstance", "hasattr", "id",
        "hash", "format", "callable", "type", "getattr",
    )}
    | {
        "json.load", "json.dump", "json.loads", "pickle.load", "pickle.dump", "marshal.load", "tomllib.load",
        "plistlib.load", "shutil.copyfileobj", "hashlib.file_digest", "os.fstat", "os.read", "os.write",
        "xml.etree.ElementTree.parse", "yaml.safe_load", "yaml.load", "yaml.full_load", "yaml.dump",
        "yaml.safe_dump", "toml.load", "tomli.load", "select.select",
    }
)

# Functions (and classes) whose result keeps reading from an argument.
DERIVED_FUNCTIONS: FrozenSet[str] = frozenset(
    {f"builtins.{name}" for name in ("iter", "map", "filter", "enumerate", "zip", "reversed", "memoryview")}
    | {"csv.reader", "csv.writer", "csv.DictReader", "csv.DictWriter", "itertools.chain", "itertools.islice",
       "itertools.tee", "itertools.groupby", "itertools.zip_longest", "itertools.starmap", "itertools.cycle",
       "io.TextIOWrapper", "io.BufferedReader", "io.BufferedWriter", "codecs.getreader", "functools.partial",
       "contextlib.closing", "mmap.mmap", "zipfile.ZipFile", "tarfile.open", "gzip.GzipFile"}
)

# Attributes whose value is independent of the object.
PLAIN_ATTRIBUTES: FrozenSet[str] = frozenset(
    {
        "name", "mode", "closed", "encoding", "errors", "newlines", "lastrowid", "rowcount", "description",
        "returncode", "pid", "args", "status", "reason", "url", "total_changes", "in_transaction", "family",
        "type", "proto", "isolation_level", "line_num", "dialect", "fieldnames", "text", "content",
        "status_code", "ok", "headers", "size",
    }
)


def method_outcome(method: str) -> Outcome:
    """What ``resource.method(...)`` returns, seen from ``resource``."""
    if method in PLAIN_METHODS:
        return Outcome.PLAIN
    if method in DERIVED_METHODS:
        return Outcome.DERIVED
    return Outcome.UNKNOWN


def call_outcome(qualified: Optional[str]) -> Outcome:
    """What ``function(..., resource, ...)`` returns, seen from ``resource``."""
    if qualified is None:
        return Outcome.UNKNOWN
    if qualified in PLAIN_FUNCTIONS:
        return Outcome.PLAIN
    if qualified in DERIVED_FUNCTIONS:
        return Outcome.DERIVED
    return Outcome.UNKNOWN


def attribute_outcome(attribute: str) -> Outcome:
    """What ``resource.attribute`` is, seen from ``resource`` (``f.buffer`` keeps it)."""
    return Outcome.PLAIN if attribute in PLAIN_ATTRIBUTES else Outcome.DERIVED
