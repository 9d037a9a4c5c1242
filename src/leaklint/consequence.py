"""Consequence grading the engine applies to every leak rule's findings, whatever the rule says.

A leak in a test module lasts one test run at most: reviewers of packages leaklint was never run
on judged none of the findings in test modules worth a change (docs/evaluation/precision-unseen.md,
"Test modules"). Such findings are LOW: the default profile leaves them out, `profile = "strict"`
shows them.

A test module is one named as pytest and unittest discover them (``test_*.py``, ``*_test.py``,
``conftest.py``), or a module of a test *package*: one whose dotted module name, read from the
``__init__.py`` files above it, has a part named like a test suite (``supervisor.tests.base``,
``asyncpg._testbase.fuzzer``, ``numpy.testing._private``). A folder called ``tests`` that is not a package
(a project's fixture folders, a checkout kept under ``~/tests/``) does not make its modules test
modules: only the package structure does, so the answer does not depend on where the project
sits on disk or on the folder a run starts from.

:func:`releases_itself_when_collected` answers the resource rules' question of what an exception
costs: for an object that releases its resource when CPython collects it, a release skipped by
an exception is delayed until the traceback goes, not lost (docs/rules.md, "Severity and profiles").
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import PurePath
from typing import Optional

from leaklint.rule import Confidence

# A package (or module) of a test suite or of test helpers: `tests`, `test`, `testing`,
# `_testbase`, `testutils`, `test_support`...
_TEST_PART = re.compile(r"^_?(tests?|testing|testsuite|testbase|test_?utils?|test_?helpers?|test_?support)$")


def is_test_file(path: str) -> bool:
    """A test module by its name: ``test_*.py``, ``*_test.py`` or ``conftest.py``.

    Not a ``tests/`` folder by itself: see :func:`is_test_module`."""
    stem = PurePath(path).stem
    return stem.startswith("test_") or stem.endswith("_test") or stem == "conftest"


def is_test_module(path: str) -> bool:
    """A test module (:func:`is_test_file`) or a module of a test package (``pkg/tests/base.py``
    with ``pkg/tests/__init__.py``): what it leaks lasts one test run."""
    return is_test_file(path) or _in_test_package(path)


@lru_cache(maxsize=4096)
def _in_test_package(path: str) -> bool:
    # Imported here: analysis.context pulls in libcst, which this module does not otherwise need.
    from leaklint.analysis.context import module_name_for

    try:
        name, is_package = module_name_for(path)
    except (OSError, ValueError):
        return False
    # The packages above the module (and the package itself for an `__init__.py`), not the
    # module's own name: `werkzeug/testing.py`-like public modules are judged by their code.
    packages = name.split(".") if is_package else name.split(".")[:-1]
    return any(_TEST_PART.match(part) for part in packages)


def graded(code: str, path: str, confidence: Confidence) -> Confidence:
    """The confidence a finding of ``code`` in ``path`` is reported with."""
    if code.startswith("LKL00"):
        return confidence  # the engine's own diagnostics (syntax errors, noqa, ...) are not leaks
    if is_test_module(path):
        return Confidence.LOW
    return confidence


# Leaks whose cost is one object per run of the code: a file or connection left open, a
# release an exception skips, a small cycle or a kept frame. Run once per process, that is one
# object until a process that is about to end exits (analysis/run_frequency.py). Not the
# threads (LKL303, LKL305, LKL314: a thread left running keeps the process from exiting however
# often it was started), not the tasks (LKL304: a dropped task can be collected mid-flight), and
# not the growth rules, which answer how often their own growth runs.
ONCE_PER_PROCESS_IS_LOW = frozenset({
    "LKL301", "LKL302", "LKL306", "LKL307", "LKL310", "LKL311",
    "LKL103", "LKL104", "LKL105", "LKL109", "LKL110", "LKL401",
})


# What the end of the process does not undo: a directory or file left on disk (coverage-crawler's
# crawl script left two `mkdtemp()` directories per run, fresh9), and a standard stream that a
# collected wrapper closes (`TextIOWrapper(sys.stdin.buffer)` closes stdin for the rest of the
# process: sqlparse's CLI `main()`, fresh3). Such a finding keeps its grade in code that runs once.
_LEFT_ON_DISK = frozenset({"tempfile.mkdtemp", "tempfile.mkstemp"})
_STANDARD_STREAMS = ("sys.stdin", "sys.stdout", "sys.stderr")


def once_per_process_grade(code: str, context: object, node: object) -> Optional[str]:
    """Why a finding of ``code`` at ``node`` is low because its code runs once per process
    (a script's ``__main__`` block, ``main()`` and what only they call), or None."""
    if code not in ONCE_PER_PROCESS_IS_LOW or node is None or _outlives_the_process(context, node):
        return None
    from leaklint.analysis.run_frequency import once_per_process

    return once_per_process(context, node)  # type: ignore[arg-type]


def graded_once_per_process(
    code: str, context: object, node: object, confidence: Confidence, message: str
) -> "tuple[Confidence, str]":
    """``confidence`` and ``message`` of a finding, low and saying why when its code runs once
    per process (:func:`once_per_process_grade`)."""
    if confidence is Confidence.LOW:
        return confidence, message
    once = once_per_process_grade(code, context, node)
    if once is None:
        return confidence, message
    return Confidence.LOW, f"{message}; this code runs once per process ({once})"


def _outlives_the_process(context: object, node: object) -> bool:
    import libcst as cst

    if not isinstance(node, cst.Call):
        return False
    if context.qualified_name(node.func) in _LEFT_ON_DISK:  # type: ignore[attr-defined]
        return True
    return any(context.code(arg.value).startswith(_STANDARD_STREAMS) for arg in node.args)  # type: ignore[attr-defined]


# Resources whose object releases its operating-system resource by itself when it is collected
# (read in CPython's and the libraries' sources): a socket, file, mmap, epoll object or sqlite3
# connection closes in its own deallocator; `TemporaryDirectory` cleans up from a
# `weakref.finalize`; a `ThreadPoolExecutor`'s workers leave once a weak reference's callback
# wakes them; `BaseEventLoop.__del__` closes a loop that is not running; the network clients hold
# a socket, `serial.Serial` is an `io.RawIOBase` (whose `__del__` calls `close()`), and the DB-API
# drivers' connection objects close in their deallocators. Not here: a raw descriptor
# (`os.open`, `mkstemp`) has no object to do it; a child process is not reaped when its `Popen`
# goes (`Popen.__del__` only lists it for the next `Popen()` to reap, and `wait()` does not close
# the pipes); process pools and managers hold processes; a client that runs threads of its own
# (paramiko, pymongo, kafka) or drives a browser (selenium) is kept alive by them.
_FINALISED_MODULES = (
    "socket.", "ssl.", "sqlite3.", "selectors.", "mmap.", "tempfile.TemporaryDirectory",
    "http.client.", "urllib.request.", "smtplib.", "ftplib.", "poplib.", "imaplib.", "telnetlib.",
    "asyncio.new_event_loop", "logging.", "concurrent.futures.ThreadPoolExecutor",
    "psycopg2.", "psycopg.", "pymysql.", "requests.", "httpx.Client", "serial.",
)


def releases_itself_when_collected(qualname: str) -> bool:
    """A resource kind (its catalogue name) whose object releases what it holds when CPython
    collects it: an exception that skips its explicit release delays it until the traceback goes,
    and does not lose it."""
    return qualname.startswith(_FINALISED_MODULES)
