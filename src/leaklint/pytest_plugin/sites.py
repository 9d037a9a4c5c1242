"""Which file:line created an object: tracemalloc tracebacks and call stacks cut to the user's code.

"User code" is every file that is not the standard library, not an installed package
(``site-packages``/``dist-packages``), not pytest or pluggy and not this plugin: the project under
test and its tests. Installed in editable mode (or run from the source tree), a project is user code.
"""

from __future__ import annotations

import ctypes
import gc
import linecache
import os
import re
import sys
import sysconfig
import tracemalloc
from typing import Any, Dict, Iterable, List, Optional, Tuple

from leaklint.pytest_plugin.leaks import Site, Span

_PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))
_verdicts: Dict[str, bool] = {}


def _ignored_roots() -> Tuple[str, ...]:
    roots = {_PLUGIN_DIR}
    for key in ("stdlib", "platstdlib"):
        path = sysconfig.get_paths().get(key)
        if path:
            roots.add(os.path.realpath(path))
    for name in ("_pytest", "pluggy", "pytest"):
        module = sys.modules.get(name)
        location = getattr(module, "__file__", None)
        if location:
            roots.add(os.path.dirname(os.path.realpath(location)))
    return tuple(sorted(roots))


_IGNORED: Optional[Tuple[str, ...]] = None


def is_user_file(filename: str) -> bool:
    verdict = _verdicts.get(filename)
    if verdict is None:
        verdict = _judge(filename)
        _verdicts[filename] = verdict
    return verdict


def _judge(filename: str) -> bool:
    global _IGNORED
    if not filename or filename.startswith("<"):
        return False
    if _IGNORED is None:
        _IGNORED = _ignored_roots()
    real = os.path.realpath(filename)
    parts = real.split(os.sep)
    if "site-packages" in parts or "dist-packages" in parts:
        return False
    return not any(real == root or real.startswith(root + os.sep) for root in _IGNORED)


def user_frames(frames: Iterable[Site]) -> List[Site]:
    """The frames in user code, in the order given, without repeats."""
    kept: List[Site] = []
    for site in frames:
        if is_user_file(site[0]) and site not in kept:
            kept.append(site)
    return kept


def _preheader_traceback_311(obj: object) -> Optional[List[Site]]:
    """CPython 3.11's get_object_traceback misses objects with a managed ``__dict__`` (plain class
    instances): their memory block starts before the GC header, at the dict pre-header. Ask
    tracemalloc about the block's real start instead (fixed in 3.12)."""
    if sys.version_info[:2] != (3, 11) or not type(obj).__flags__ & _MANAGED_DICT:
        return None
    lookup = _raw_lookup()
    if lookup is None:
        return None
    pointer = ctypes.sizeof(ctypes.c_void_p)
    start = id(obj) - 2 * pointer - (_GC_HEAD if gc.is_tracked(obj) or type(obj).__flags__ & _HAVE_GC else 0)
    try:
        frames = lookup(0, start)
    except Exception:  # noqa: BLE001
        return None
    if not frames:
        return None
    return [(str(filename), int(lineno)) for filename, lineno in frames]  # most recent first


_MANAGED_DICT = 1 << 4
_HAVE_GC = 1 << 14
_GC_HEAD = 16  # sizeof(PyGC_Head): two pointers
_lookup_cache: List[Any] = []


def _raw_lookup() -> Any:
    if not _lookup_cache:
        try:
            function = ctypes.pythonapi._PyTraceMalloc_GetTraceback
            function.restype = ctypes.py_object
            function.argtypes = (ctypes.c_uint, ctypes.c_size_t)
        except (AttributeError, OSError):
            function = None
        _lookup_cache.append(function)
    return _lookup_cache[0]


def allocation_frames(obj: object) -> List[Site]:
    """Where tracemalloc saw ``obj`` allocated, most recent frame first (empty if not traced)."""
    if not tracemalloc.is_tracing():
        return []
    try:
        if _RAW_TRACEBACK is not None:  # raw (filename, lineno) tuples, most recent first
            raw = _RAW_TRACEBACK(obj)
            if raw is None:
                return _preheader_traceback_311(obj) or []
            return [(str(filename), int(lineno)) for filename, lineno in raw]
        traceback = tracemalloc.get_object_traceback(obj)
    except Exception:  # noqa: BLE001 - an object tracemalloc cannot look at has no site
        return []
    if traceback is None:
        return _preheader_traceback_311(obj) or []
    # tracemalloc lists frames oldest first (Python 3.7+).
    return [(frame.filename, frame.lineno) for frame in reversed(traceback)]


# The C function behind get_object_traceback(), without building Frame objects: it is called
# for every object of every leaked cycle.
_RAW_TRACEBACK = getattr(tracemalloc, "_get_object_traceback", None)


def call_stack(skip: int = 1, limit: int = 40) -> List[Site]:
    """The current call stack, most recent frame first, without creating traceback objects."""
    frames: List[Site] = []
    frame = sys._getframe(skip + 1)
    while frame is not None and len(frames) < limit:
        frames.append((frame.f_code.co_filename, frame.f_lineno))
        frame = frame.f_back
    return frames


_class_spans: Dict[Tuple[str, str], Optional[Span]] = {}


def definition_span(cls: type) -> Optional[Span]:
    """The file and line range of a class defined in user code, from its methods' code objects.

    ``inspect.getsourcelines(cls)`` parses the whole module on every call (about 0.7 s for a
    large test module on Python 3.11): far too slow to run per leaked object.
    """
    module = sys.modules.get(getattr(cls, "__module__", ""))
    filename = getattr(module, "__file__", None)
    if not filename or not is_user_file(filename):
        return None
    key = (filename, getattr(cls, "__qualname__", ""))
    if key not in _class_spans:
        _class_spans[key] = _class_span(cls, filename)
    return _class_spans[key]


def _class_span(cls: type, filename: str) -> Optional[Span]:
    lines = linecache.getlines(filename)
    firsts, lasts = [], []
    for value in vars(cls).values():
        for function in (value, getattr(value, "__func__", None), getattr(value, "fget", None)):
            span = code_span(getattr(function, "__code__", None))
            if span is not None and span[0] == filename:
                firsts.append(span[1])
                lasts.append(span[2])
    header = re.compile(rf"^\s*class\s+{re.escape(cls.__name__)}\b")
    first = getattr(cls, "__firstlineno__", None)  # Python 3.13+
    if first is None:
        start = min(firsts) if firsts else len(lines)
        first = next((n for n in range(start, 0, -1) if n <= len(lines) and header.match(lines[n - 1])), None)
    if first is None:
        return None
    return (filename, first, max(lasts) if lasts else first)


def code_span(code: object) -> Optional[Span]:
    """The line range of a code object (a function, a thread's target, a task's coroutine)."""
    if code is None:
        return None
    filename = getattr(code, "co_filename", None)
    if not filename or not is_user_file(filename):
        return None
    first = getattr(code, "co_firstlineno", 0)
    try:
        last = max((line for _, _, line in code.co_lines() if line is not None), default=first)  # type: ignore[attr-defined]
    except AttributeError:  # Python < 3.10
        last = first
    return (filename, first, max(first, last))
