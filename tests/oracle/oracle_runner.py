"""Run oracle probe programs and record what they do: stdout, the exception that ended them, and
the files their working folder holds afterwards.

Usage: ``python oracle_runner.py JOBS.json RESULTS.json``; JOBS is a list of
``{"id": ..., "source": path, "workdir": path}``. Each probe runs in this process (one process per
batch keeps the oracle fast) in a fresh working folder holding the same input files, under a
timeout. After a probe ends its globals are dropped and the garbage collector runs, so whatever it
left open is released before the files are read: a fix may change *when* a resource is released,
never what the program printed, raised or wrote.
"""

from __future__ import annotations

import contextlib
import gc
import gzip
import hashlib
import io
import json
import os
import runpy
import signal
import sqlite3
import sys
import tarfile
import zipfile
from typing import Any, Dict, List

TIMEOUT_SECONDS = 5
LINES = "alpha\nbeta\n\ngamma\n"


class ProbeTimeout(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise ProbeTimeout()


def prepare(workdir: str) -> None:
    """The input files every probe may read."""
    os.makedirs(workdir, exist_ok=True)
    with open(os.path.join(workdir, "data.txt"), "w") as f:
        f.write(LINES)
    with open(os.path.join(workdir, "data.csv"), "w", newline="") as f:
        f.write("a,b\r\n1,2\r\n3,4\r\n")
    with open(os.path.join(workdir, "data.json"), "w") as f:
        f.write('{"k": [1, 2], "name": "probe"}')
    with contextlib.closing(sqlite3.connect(os.path.join(workdir, "db.sqlite"))) as conn, conn:
        conn.execute("create table t (x integer)")
        conn.executemany("insert into t values (?)", [(1,), (2,), (3,)])
    with tarfile.open(os.path.join(workdir, "arch.tar"), "w") as tar:
        for name, text in (("a.txt", b"tar-a\nline2\n"), ("b.txt", b"tar-b\n")):
            info = tarfile.TarInfo(name)
            info.size = len(text)
            info.mtime = 0
            tar.addfile(info, io.BytesIO(text))
    with zipfile.ZipFile(os.path.join(workdir, "arch.zip"), "w") as archive:
        archive.writestr(zipfile.ZipInfo("a.txt", date_time=(1980, 1, 1, 0, 0, 0)), "zip-a\nzip-2\n")
    with gzip.GzipFile(os.path.join(workdir, "data.gz"), "wb", mtime=0) as g:
        g.write(b"g1\ng2\n")


def snapshot(workdir: str) -> Dict[str, str]:
    """What the folder holds: a digest per file (a database: its rows, not its bytes)."""
    files: Dict[str, str] = {}
    for root, _, names in os.walk(workdir):
        for name in sorted(names):
            path = os.path.join(root, name)
            relative = os.path.relpath(path, workdir)
            if name.endswith((".sqlite-journal", ".sqlite-wal", ".sqlite-shm")):
                continue
            if name.endswith(".sqlite"):
                with contextlib.closing(sqlite3.connect(path)) as conn:
                    tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table' order by name")]
                    rows = {t: sorted(conn.execute(f"select * from {t}").fetchall()) for t in tables}
                files[relative] = repr(rows)
                continue
            with open(path, "rb") as f:
                files[relative] = hashlib.sha1(f.read()).hexdigest()
    return files


def _files_left_open(value: Any, depth: int = 0) -> List[io.IOBase]:
    """Open file objects a probe left reachable from its globals (a few levels deep)."""
    if isinstance(value, io.IOBase):
        return [] if value.closed else [value]
    if depth >= 3:
        return []
    if isinstance(value, dict):
        children: List[Any] = list(value.values())
    elif isinstance(value, (list, tuple, set, frozenset)):
        children = list(value)
    elif hasattr(value, "__dict__") and not isinstance(value, type) and type(value).__module__ == "__main__":
        children = list(vars(value).values())
    else:
        return []
    found: List[io.IOBase] = []
    for child in children:
        found.extend(_files_left_open(child, depth + 1))
    return found


def release_leftovers(namespace: Any) -> None:
    """Close the files a probe left open, text layers first, before anything reads the folder.

    The garbage collector finalizes the objects of a dead cycle in no particular order: a buffered
    writer closed before the text wrapper above it loses the text still in the wrapper. Closing
    what is left, as reference counting would at the end of a scope, makes the written files a
    property of the program instead of the collector's order; fixes only move that release."""
    leftovers = _files_left_open(namespace) if namespace is not None else []
    leftovers.sort(key=lambda f: 0 if isinstance(f, io.TextIOBase) else 1)
    for stream in leftovers:
        with contextlib.suppress(Exception):
            stream.close()


def run_one(source: str, workdir: str) -> Dict[str, Any]:
    prepare(workdir)
    out = io.StringIO()
    error = None
    previous = os.getcwd()
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(TIMEOUT_SECONDS)
    namespace: Any = None
    try:
        os.chdir(workdir)
        with contextlib.redirect_stdout(out):
            namespace = runpy.run_path(source, run_name="__main__")
    except ProbeTimeout:
        error = "Timeout"
    except BaseException as exc:  # noqa: BLE001 - the probe's own exception is what we record
        error = type(exc).__name__
    finally:
        signal.alarm(0)
        release_leftovers(namespace)
        namespace = None  # release what the probe left open (module-level resources)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            gc.collect()
        os.chdir(previous)
    return {"stdout": out.getvalue(), "error": error, "files": snapshot(workdir)}


def main(argv: List[str]) -> int:
    with open(argv[1]) as f:
        jobs = json.load(f)
    results = {}
    for job in jobs:
        results[job["id"]] = run_one(job["source"], job["workdir"])
    with open(argv[2], "w") as f:
        json.dump(results, f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
