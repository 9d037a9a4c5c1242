"""Code quoted in messages is on one line as a person would write it (issue 22)."""

from __future__ import annotations

import pytest

from leaklint import lint_source
from leaklint.analysis.quote import one_line_code


@pytest.mark.parametrize(
    "code, quoted",
    [
        ('open(\n    path,\n    "r",\n)', 'open(path, "r")'),
        ("open(  # why\n    p)", "open(p)"),
        ("f(x,\n  y)", "f(x, y)"),
        ("table[\n    key\n]", "table[key]"),
        ("open(path,  'r')", "open(path, 'r')"),
        ('"""a\nb""".join(x)', '"""a\nb""".join(x)'),
        ("open(path, (1,\n))", "open(path, (1,))"),
        ("table[1,\n]", "table[1,]"),
        ("f([1,\n    2,\n])", "f([1, 2])"),
    ],
)
def test_one_line_code(code: str, quoted: str) -> None:
    assert one_line_code(code) == quoted


def test_multi_line_call_quoted_in_message_and_suggestion() -> None:
    source = 'def load(path):\n    data = open(\n        path,\n        "r",\n    ).read()\n    return data\n'
    (finding,) = lint_source(source, "m.py")
    assert "`open(path, \"r\")` is never closed" in finding.message
    assert "with open(path, \"r\") as" in finding.suggestion
