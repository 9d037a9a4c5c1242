"""noqa parsing: only comments that can silence leaklint are read, with the same result."""

from __future__ import annotations

import pytest

from leaklint import suppression
from leaklint.suppression import parse_suppressions

SOURCES = [
    "x = 1  # noqa: E501\ny = open('f')  # noqa:F401,W291\n",
    "x = 1  # noqa\n",
    "x = 1  # NOQA: lkl501\n",
    "x = 1  # noqa: L\n",
    "x = 1  # noqa: E501, LKL3\n",
    "x = 1  # noqa:\n",
    "# leaklint: noqa: LKL101\nx = 1\n",
    "# LEAKLINT: NOQA\n",
    's = "# noqa"\nt = """\n# noqa: LKL501\n"""\n',
    "x = 1  # type: ignore  # noqa: LKL501\nL = []\n",
    "x = 1  # noqa: E501\nLKL = 2\n",
]
CODES = ["LKL101", "LKL301", "LKL501"]


@pytest.mark.parametrize("source", SOURCES)
def test_the_quick_path_reads_what_the_full_reading_reads(source: str) -> None:
    quick = parse_suppressions(source)
    full = suppression._read_suppressions(source)
    lines = range(1, source.count("\n") + 2)
    assert [(c, n, quick.silences(c, n)) for c in CODES for n in lines] == [
        (c, n, full.silences(c, n)) for c in CODES for n in lines
    ]


def test_other_tools_noqa_comments_are_not_tokenized(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("tokenized a file whose noqa comments cannot concern leaklint")

    monkeypatch.setattr(suppression.tokenize, "generate_tokens", refuse)
    source = "import os  # noqa: F401\n" * 500 + "x = 1  # noqa:E501,W291\n"
    assert parse_suppressions(source) == suppression.Suppressions()


def test_strings_that_look_like_noqa_silence_nothing() -> None:
    source = 's = "# noqa"\nt = """\n# noqa: LKL501\n"""\n'
    found = parse_suppressions(source)
    assert not any(found.silences("LKL501", line) for line in range(1, 5))
