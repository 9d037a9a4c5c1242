"""A callee's use of its parameter under ``isinstance(param, bytes)`` (or another plain value
type) is not a use of a resource handed to it: a file takes the other branch. tika (fresh5):
``body = data if isinstance(data, bytes) else data.read()``; python-telegram-bot (fresh12):
``if isinstance(obj, bytes): self.content = obj`` ``else: ... load_file(obj)``."""

from __future__ import annotations

import textwrap

from tests.conftest import findings_by_line

CALLEE_READS_UNLESS_BYTES = """
def call_server(verb, url, data, headers):
    body = data if isinstance(data, bytes) else data.read()
    return 200, f"{verb} {url} ({len(body)} bytes)"


def parse(path):
    return call_server("put", "u", open(path, "rb"), {})
"""

CONSTRUCTOR_STORES_ONLY_BYTES = """
def load_file(obj):
    return obj.read()


class InputFile:
    def __init__(self, obj, filename=None):
        if isinstance(obj, (bytes, str)):
            self.content = obj
        else:
            self.content = load_file(obj)
        self.filename = filename


def parse(path):
    return InputFile(open(path, "rb"), filename="x")
"""


def test_file_passed_to_a_callee_that_keeps_only_bytes_is_reported() -> None:
    assert 8 in findings_by_line(textwrap.dedent(CALLEE_READS_UNLESS_BYTES), "LKL301", "default")
    assert 16 in findings_by_line(textwrap.dedent(CONSTRUCTOR_STORES_ONLY_BYTES), "LKL301", "default")


def test_callee_that_keeps_the_non_bytes_branch_takes_it_over() -> None:
    keeps = CONSTRUCTOR_STORES_ONLY_BYTES.replace("self.content = load_file(obj)", "self.stream = obj")
    assert findings_by_line(textwrap.dedent(keeps), "LKL301", "strict") == {}
    negated = CALLEE_READS_UNLESS_BYTES.replace(
        "body = data if isinstance(data, bytes) else data.read()",
        "body = data.read() if not isinstance(data, bytes) else data\n    return body, data",
    )
    assert findings_by_line(textwrap.dedent(negated), "LKL301", "strict") == {}


def test_with_block_twin_is_left_alone() -> None:
    safe = CALLEE_READS_UNLESS_BYTES.replace(
        'return call_server("put", "u", open(path, "rb"), {})',
        'with open(path, "rb") as f:\n        return call_server("put", "u", f, {})',
    )
    assert findings_by_line(textwrap.dedent(safe), "LKL301", "strict") == {}
