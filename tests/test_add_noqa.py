"""--add-noqa: merges with existing comments, never changes what the code means, keeps bytes."""

from __future__ import annotations

from pathlib import Path

import pytest
from integration_helpers import LEAK, InProcessCli

from leaklint.add_noqa import add_noqa_to_source

CODES = {"LKL501"}


def add(source: str, lines: dict) -> str:
    return add_noqa_to_source(source.encode("utf-8"), lines).source.decode("utf-8")


def test_appends_and_merges() -> None:
    source = "a = 1\nb = 2  # noqa: F401\nc = 3  # see issue 12\nd = 4  # noqa:E501 because\ne = 5  # NOQA: LKL5\n"
    result = add(source, {1: CODES, 2: CODES, 3: CODES, 4: {"LKL501", "LKL101"}, 5: CODES})
    assert result.splitlines() == [
        "a = 1  # noqa: LKL501",
        "b = 2  # noqa: F401, LKL501",
        "c = 3  # see issue 12  # noqa: LKL501",
        "d = 4  # noqa:E501, LKL101, LKL501 because",
        "e = 5  # NOQA: LKL5",  # the prefix already silences LKL501
    ]


def test_is_idempotent_and_keeps_newlines_bom_and_encoding() -> None:
    data = b"\xef\xbb\xbfa = 1\r\nb = 2   \r\n"
    outcome = add_noqa_to_source(data, {2: CODES})
    assert outcome.source == b"\xef\xbb\xbfa = 1\r\nb = 2  # noqa: LKL501\r\n"
    assert add_noqa_to_source(outcome.source, {2: CODES}).added == 0
    latin = "# -*- coding: latin-1 -*-\ns = 'é'\n".encode("latin-1")
    assert add_noqa_to_source(latin, {2: CODES}).source == "# -*- coding: latin-1 -*-\ns = 'é'  # noqa: LKL501\n".encode("latin-1")
    assert add_noqa_to_source(b"x = 1", {1: CODES}).source == b"x = 1  # noqa: LKL501"
    assert add_noqa_to_source(b"x = 1\ry = 2\r", {2: CODES}).source == b"x = 1\ry = 2  # noqa: LKL501\r"


@pytest.mark.parametrize(
    "source, line",
    [
        ('x = ("""\nabc""", 1)\n', 1),  # the line ends inside a string
        ('x = f"""\n{1}\n"""\n', 2),
        ("x = 1 + \\\n    2\n", 1),  # a backslash continuation
    ],
)
def test_lines_that_cannot_take_a_comment_are_skipped(source: str, line: int) -> None:
    outcome = add_noqa_to_source(source.encode(), {line: CODES})
    assert outcome.source == source.encode() and outcome.added == 0
    assert outcome.skipped and outcome.skipped[0][0] == line


def test_inside_brackets_is_fine() -> None:
    assert add("x = [\n    1,\n]\n", {2: CODES}) == "x = [\n    1,  # noqa: LKL501\n]\n"


def test_engine_findings_are_not_silenced_per_line() -> None:
    outcome = add_noqa_to_source(b"x = 1\n", {1: {"LKL001"}})
    assert outcome.added == 0 and not outcome.skipped


def test_cli_add_noqa_then_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    cli = InProcessCli(monkeypatch, capsys)
    target = tmp_path / "a.py"
    target.write_text('import os  # noqa: F401\n\nX = [0] * 10 ** 12  # keep\nS = ([0] * 10 ** 12, """\n""")\n' + LEAK, encoding="utf-8")
    code, out, err = cli(["check", "--add-noqa", "a.py"], tmp_path)
    assert code == 0 and out == ""
    assert "Added 2 noqa comments." in err and "a.py:4: no noqa added" in err
    assert target.read_text(encoding="utf-8").splitlines()[2] == "X = [0] * 10 ** 12  # keep  # noqa: LKL501"
    code, out, _ = cli(["check", "a.py"], tmp_path)
    assert code == 1 and [line.split(":")[1] for line in out.splitlines()] == ["4"]


def test_cli_add_noqa_refuses_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    cli = InProcessCli(monkeypatch, capsys)
    code, _, err = cli(["check", "--add-noqa", "-"], tmp_path)
    assert code == 2 and "--add-noqa" in err


def test_noqa_is_read_in_files_with_bare_cr_newlines() -> None:
    from leaklint import lint_source

    assert [f.line for f in lint_source(b"a = 1\rX = [0] * 10 ** 12\r")] == [2]
    assert lint_source(b"a = 1\rX = [0] * 10 ** 12  # noqa: LKL501\r") == []
