"""Path-sensitive resource verdicts: which path leaks decides the confidence and the message,
and a value handed to a function is judged the same whether it is passed inline or by name."""

from __future__ import annotations

import textwrap
from typing import List

import pytest

from leaklint import lint_source
from leaklint.rule import Confidence


def findings(source: str, code: str = "LKL30") -> List:  # type: ignore[type-arg]
    return [f for f in lint_source(textwrap.dedent(source), "example.py") if f.code.startswith(code)]


def test_early_return_is_a_high_confidence_leak_on_that_path() -> None:
    (finding,) = findings(
        """
        def head(path, wanted):
            f = open(path)
            if f.readline() != wanted:
                return None
            f.close()
            return wanted
        """
    )
    assert finding.confidence == Confidence.HIGH
    assert "the `return` on line 5 leaves it open" in finding.message


def test_leak_after_a_caught_exception_is_medium() -> None:
    (finding,) = findings(
        """
        import socket

        def probe(port):
            sock = socket.socket()
            try:
                sock.bind(("", port))
            except OSError:
                pass
            else:
                sock.close()
                return True
            return False
        """
    )
    assert finding.confidence == Confidence.MEDIUM
    assert "when line 7 raises and the exception is caught" in finding.message


def test_raising_a_new_error_while_open_is_medium_and_names_the_raise() -> None:
    (finding,) = findings(
        """
        import os

        def lock(path):
            fd = os.open(path, os.O_RDONLY)
            if not os.read(fd, 1):
                raise TimeoutError(path)
            return fd
        """
    )
    assert finding.confidence == Confidence.MEDIUM
    assert "when line 7 raises" in finding.message


@pytest.mark.parametrize(
    "source",
    [
        # re-raising what a handler caught after closing
        """
        def read(path):
            f = open(path)
            try:
                return f.read()
            except Exception:
                f.close()
                raise
        """,
        # the error saved by a handler that closed, raised after the loop
        """
        import socket

        def connect(addresses):
            err = sock = None
            for address in addresses:
                try:
                    sock = socket.create_connection(address)
                    break
                except OSError as exc:
                    err = str(exc)
                    if sock is not None:
                        sock.close()
            if err is not None:
                raise OSError(err)
            return sock
        """,
        # a release guarded by a flag
        """
        import os

        def remove(path, rmdir):
            fd = os.open(path, os.O_RDONLY)
            closed = False
            try:
                os.close(fd)
                closed = True
                rmdir(path)
            finally:
                if not closed:
                    os.close(fd)
        """,
        # compared with another object: a new file is never `sys.stdin`
        """
        import sys

        def copy(path, out):
            f = open(path) if path != "-" else sys.stdin
            g = open(out, "w")
            try:
                g.write(f.read())
            finally:
                if g is not sys.stdout:
                    g.close()
        """,
    ],
)
def test_correlated_paths_stay_quiet(source: str) -> None:
    assert not [f for f in findings(source) if "(from `open(out" in f.message or "socket" in f.message or "fd" in f.message]


@pytest.mark.parametrize("inline", [True, False])
def test_inline_and_named_arguments_agree(inline: bool) -> None:
    call = "remember(open(path))" if inline else "f = open(path)\n    remember(f)"
    stores = f"""
import sys

def remember(stream):
    sys.stdout = stream

def start(path):
    {call}
"""
    assert findings(stores) == []
    reads = stores.replace("sys.stdout = stream", "return stream.readline()")
    (finding,) = findings(reads)
    assert finding.code == "LKL301"


_OWNER_CLASS = """
class Sink:
    def __init__(self, stream):
        self.stream = stream

    def write(self, data):
        self.stream.write(data)
{release}

def start(path):
    {call}
    sink.write("started")
"""


@pytest.mark.parametrize("inline", [True, False])
@pytest.mark.parametrize("released", [True, False])
def test_hand_over_to_a_class_of_the_module_agrees_inline_and_named(inline: bool, released: bool) -> None:
    call = "sink = Sink(open(path))" if inline else "f = open(path)\n    sink = Sink(f)"
    release = "\n    def close(self):\n        self.stream.close()\n" if released else ""
    found = findings(_OWNER_CLASS.format(call=call, release=release))
    # the class closes what it stores: it owns it; it never does: the caller still must
    assert [f.code for f in found] == ([] if released else ["LKL301"])


@pytest.mark.parametrize("keep", ["return sink", "SINKS.append(sink)", "register(sink)"])
def test_a_holder_that_outlives_the_call_keeps_what_it_stores(keep: str) -> None:
    # Closing the file in `start` would break the Sink that lives on: not the caller's to close.
    source = _OWNER_CLASS.format(call="sink = Sink(open(path))", release="").replace('sink.write("started")', keep)
    assert findings("SINKS = []\n" + source) == []


def test_guessed_borrow_is_medium_and_has_no_fix() -> None:
    (finding,) = findings(
        """
        from mylib import parse

        def load(path):
            f = open(path)
            parse(f)
        """
    )
    assert finding.confidence == Confidence.MEDIUM
    assert finding.fix is None


def test_release_after_yield_in_a_context_manager_is_high_and_says_where_the_exception_comes_from() -> None:
    (finding,) = findings(
        """
        import contextlib

        @contextlib.contextmanager
        def opened(path):
            f = open(path)
            f.readline()
            yield f
            f.close()
        """
    )
    assert finding.confidence == Confidence.HIGH
    assert "if the `with` body raises: `@contextmanager` throws the exception in at the `yield` on line 8" in finding.message
    assert "`f.close()` on line 9 never runs" in finding.message
    assert "raises first" not in finding.message and "raised before" not in finding.message
    assert finding.fix is not None


def test_release_after_yield_in_a_plain_generator_is_medium() -> None:
    (finding,) = findings(
        """
        def rows(path):
            f = open(path)
            for line in f:
                yield line
            f.close()
        """
    )
    assert finding.confidence == Confidence.MEDIUM
    assert "abandoned early" in finding.message and "`GeneratorExit` in at the `yield` on line 5" in finding.message


@pytest.mark.parametrize(
    "decorator",
    ["@pytest.fixture", "@pytest.fixture(scope='module')", "@hookimpl(hookwrapper=True)", "@gen.coroutine"],
)
def test_generators_driven_by_a_framework_get_no_yield_verdict(decorator: str) -> None:
    # pytest resumes a fixture normally after a failing test; other drivers send values in.
    source = f"""
        import pytest

        {decorator}
        def resource(path):
            f = open(path)
            yield f
            f.close()
        """
    assert findings(source) == []


@pytest.mark.parametrize("inline", [True, False])
def test_an_unknown_callee_gets_the_same_confidence_inline_and_named(inline: bool) -> None:
    call = "start_logging(open(path, 'w'))" if inline else "f = open(path, 'w')\n            start_logging(f)"
    (finding,) = findings(
        f"""
        from mylib import start_logging

        def setup(path):
            {call}
        """
    )
    assert finding.confidence == Confidence.MEDIUM  # the callee may keep it


def test_a_caught_exception_from_a_yield_is_not_called_a_raising_line() -> None:
    (finding,) = findings(
        """
        import contextlib
        import logging

        @contextlib.contextmanager
        def opened(path):
            f = open(path)
            try:
                yield f
            except Exception:
                logging.exception("failed")
                return
            f.close()
        """
    )
    assert "when the exception thrown in at the `yield` on line 9 is caught" in finding.message
    assert "raises" not in finding.message


GUARDED_OPEN_AND_CLOSE = """
async def dump(args, secrets, log):
    try:
        if args.outfile is not None:
            outfile = open(args.outfile, "w")
        async for secret in secrets():
            if args.outfile is not None:
                outfile.write(str(secret))
            else:
                print(secret)
    except Exception:
        log.exception("failed")
    finally:
        if args.outfile is not None:
            outfile.close()
"""


def test_close_under_the_same_unchanged_test_as_the_open_is_quiet() -> None:
    # opened under `args.outfile is not None`, closed in `finally:` under the same test: the
    # path that opens and skips the close needs the unchanged condition to flip
    assert findings(GUARDED_OPEN_AND_CLOSE, "LKL301") == []


@pytest.mark.parametrize(
    "source",
    [
        # the condition's name is rebound between the tests: it may flip
        GUARDED_OPEN_AND_CLOSE.replace('log.exception("failed")', 'log.exception("failed")\n        args = None'),
        # an attribute of the condition is assigned between the tests
        GUARDED_OPEN_AND_CLOSE.replace('print(secret)', 'args.outfile = None'),
    ],
)
def test_close_under_a_test_that_may_change_is_still_reported(source: str) -> None:
    (finding,) = findings(source, "LKL301")
    assert "not closed on every path" in finding.message


def test_unguarded_gap_next_to_a_correlated_close_is_still_reported() -> None:
    # the guards agree, but an exception from the loop skips the close: still reported
    (finding,) = findings(
        """
        def dump(args, secrets):
            if args.outfile is not None:
                outfile = open(args.outfile, "w")
            for secret in secrets():
                if args.outfile is not None:
                    outfile.write(str(secret))
            if args.outfile is not None:
                outfile.close()
        """,
        "LKL301",
    )
    assert "but not if an exception is raised" in finding.message
