"""Cycles hidden behind call shapes: a bound method wrapped by a call that keeps it (LKL104), and
two calls in one statement that close a cycle together (LKL101, the object-flow engine)."""

from __future__ import annotations

from conftest import findings_by_line
from leaklint.rule import Confidence

LRU_WRAPPED = '''\
from functools import lru_cache


class Char(str):
    def __init__(self, c):
        self.is_ws = lru_cache(maxsize=None)(self._is_ws)
        super().__init__()

    def _is_ws(self):
        return self in " \\t"
'''

CTYPES_CALLBACK_WITH_DEL = '''\
import ctypes

HOOK_CB = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


class Engine:
    def __init__(self, lib):
        self._lib = lib
        self._handle = lib.open()
        self._ctype_cbs = {}
        self._count = 0

    def __del__(self):
        self._lib.close(self._handle)

    def _hook_cb(self, handle):
        pass

    def hook_add(self):
        self._count += 1
        cb = ctypes.cast(HOOK_CB(self._hook_cb), HOOK_CB)
        self._lib.hook(self._handle, cb)
        self._ctype_cbs[self._count] = cb
'''

CTYPES_CALLBACK_WITHOUT_DEL = CTYPES_CALLBACK_WITH_DEL.replace(
    "    def __del__(self):\n        self._lib.close(self._handle)\n\n", "")

# Wrappers of plain functions, a wrapper called at once, a local rebound: nothing holds `self`.
WRAPPED_SAFE = '''\
from functools import lru_cache


def parse(text):
    return text.split()


class Reader:
    def __init__(self, key):
        self.parse = lru_cache(maxsize=64)(parse)
        self.value = lru_cache(maxsize=None)(self._compute)()
        cb = HANDLER(self._compute)
        cb = None
        self.cb = cb
        self.key = KEY_TYPE(key)

    def _compute(self):
        return 1
'''

SAME_STATEMENT_TREE = '''\
class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        self.data = bytearray(1 << 20)

    def append_child(self, child):
        self.children.append(child)

    def populate(self, names):
        for name in names:
            self.append_child(Node(parent=self))
'''

# The child is handed to a method that does not keep it: no cycle.
SAME_STATEMENT_SAFE = '''\
class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.count = 0

    def visit(self, child):
        self.count += 1

    def populate(self, names):
        for name in names:
            self.visit(Node(parent=self))
'''


def test_lru_cache_wrapping_own_bound_method_is_a_cycle() -> None:
    found = findings_by_line(LRU_WRAPPED, "LKL104", "strict")
    assert list(found) == [6]
    assert "lru_cache(...)` wrapping the bound method `self._is_ws`" in found[6].message
    assert "WeakMethod" in found[6].suggestion


def test_ctypes_callback_of_own_method_with_del_is_high() -> None:
    found = findings_by_line(CTYPES_CALLBACK_WITH_DEL, "LKL104", "default")
    assert list(found) == [23]
    assert found[23].confidence is Confidence.HIGH
    assert "__del__" in found[23].message


def test_ctypes_callback_kept_without_del_is_strict_only() -> None:
    # The wrapper must stay alive while native code can call it: one more per hook is not the
    # cost, and with nothing released late the cycle is low.
    assert findings_by_line(CTYPES_CALLBACK_WITHOUT_DEL, "LKL104", "default") == {}
    found = findings_by_line(CTYPES_CALLBACK_WITHOUT_DEL, "LKL104", "strict")
    assert [f.confidence for f in found.values()] == [Confidence.LOW]


def test_wrappers_that_do_not_keep_self_are_quiet() -> None:
    assert findings_by_line(WRAPPED_SAFE, "LKL104", "strict") == {}


def test_two_calls_in_one_statement_close_a_cycle() -> None:
    found = findings_by_line(SAME_STATEMENT_TREE, "LKL101", "strict")
    assert list(found) == [12]
    assert "append_child" in found[12].message and "self.parent = parent" in found[12].message


def test_a_call_that_does_not_keep_the_child_is_quiet() -> None:
    assert findings_by_line(SAME_STATEMENT_SAFE, "LKL101", "strict") == {}


NESTED_WORKER_WITH_DEL = '''\
import threading


class Connection:
    def __init__(self, timeout=None):
        self.timeout = timeout
        self._sock = None

    def __del__(self):
        self._disconnect()

    def _disconnect(self):
        if self._sock is not None:
            self._sock.close()


class Gateway(Connection):
    def start_worker(self):
        self._worker = self.Worker(connection=self)
        self._worker.start()

    class Worker(threading.Thread):
        def __init__(self, connection):
            threading.Thread.__init__(self)
            self._connection = connection
'''

# The nested class keeps nothing of its maker: no cycle.
NESTED_WORKER_SAFE = NESTED_WORKER_WITH_DEL.replace(
    "self._connection = connection", "self._timeout = connection.timeout")


def test_nested_class_made_through_self_closes_a_cycle_with_del() -> None:
    found = findings_by_line(NESTED_WORKER_WITH_DEL, "LKL102", "default")
    assert list(found) == [9]
    assert "Worker._connection" in found[9].message


def test_nested_class_that_keeps_nothing_is_quiet() -> None:
    assert findings_by_line(NESTED_WORKER_SAFE, "LKL102", "strict") == {}
    assert findings_by_line(NESTED_WORKER_SAFE, "LKL101", "strict") == {}


TRACER_KEEPS_FRAMES = '''\
import sys


class Tracer:
    def __init__(self):
        self.frame_to_reprs = {}
        self.seen = set()

    def __enter__(self):
        sys.settrace(self.trace)

    def trace(self, frame, event, arg):
        self.frame_to_reprs[frame] = dict(frame.f_locals)
        return self.trace
'''

# The entry is dropped when the frame returns: each frame is kept only while it runs.
TRACER_DROPS_FRAMES = TRACER_KEEPS_FRAMES.replace(
    "        return self.trace\n",
    "        if event == 'return':\n            del self.frame_to_reprs[frame]\n        return self.trace\n")

DEFINING_FRAME_KEPT = '''\
import sys


class ForwardRef:
    def __init__(self, arg):
        self.arg = arg
        frame = sys._getframe(1)
        while frame is not None and frame.f_globals is globals():
            frame = frame.f_back
        self.frame = frame
'''

# A debugger's current frame, reset when it stops, and a frame's line number kept instead of it.
FRAME_SLOTS_SAFE = '''\
import sys


class Debugger:
    def __init__(self):
        self.curframe = None
        self.where = None

    def interaction(self, frame):
        self.curframe = frame
        self.where = sys._getframe(1).f_lineno

    def reset(self):
        self.curframe = None
'''


def test_trace_function_keeping_every_frame_is_high() -> None:
    found = findings_by_line(TRACER_KEEPS_FRAMES, "LKL105", "default")
    assert list(found) == [13]
    assert found[13].confidence is Confidence.HIGH
    assert "keeps the frame `frame`" in found[13].message


def test_trace_function_dropping_the_frame_on_return_is_quiet() -> None:
    assert findings_by_line(TRACER_DROPS_FRAMES, "LKL105", "strict") == {}


def test_frame_kept_for_the_object_life_is_medium() -> None:
    found = findings_by_line(DEFINING_FRAME_KEPT, "LKL105", "default")
    assert list(found) == [10]
    assert found[10].confidence is Confidence.MEDIUM


def test_frame_slots_that_are_reset_or_not_frames_are_quiet() -> None:
    assert findings_by_line(FRAME_SLOTS_SAFE, "LKL105", "strict") == {}


def test_frame_kept_by_a_method_whose_self_is_positional_only() -> None:
    # `self` written before `/` is in posonly_params, not params: the message names it all the same
    source = "import sys\n\n\nclass Grab:\n    def grab(self, /):\n        self.f = sys._getframe()\n"
    found = findings_by_line(source, "LKL105", "strict")
    assert list(found) == [6]
    assert "`self.f` keeps the frame `sys._getframe()`" in found[6].message


# The pending response is taken out again when it arrives: the code breaks the cycle itself.
SAME_STATEMENT_BROKEN = '''\
import collections


class Response:
    def __init__(self, connection):
        self.connection = connection


class Connection:
    def __init__(self):
        self.responses = collections.deque()

    def _append(self, message, response):
        self.responses.append(response)

    def run(self):
        self._append(b"RUN", Response(self))

    def fetch_message(self):
        response = self.responses.popleft()
        return response
'''


def test_two_calls_in_one_statement_broken_by_the_code_are_quiet() -> None:
    assert findings_by_line(SAME_STATEMENT_BROKEN, "LKL101", "strict") == {}
