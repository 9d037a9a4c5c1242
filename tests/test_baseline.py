"""Baselines: recorded findings stay hidden when code moves, and come back when it is edited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from integration_helpers import LEAK, InProcessCli, run_cli

from leaklint.baseline import flagged_text
from leaklint.rule import Finding, Location

OTHER = "Y = [1] * 10 ** 13\n"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> InProcessCli:
    return InProcessCli(monkeypatch, capsys)


def _lines(out: str) -> list:
    return [line.split(": ")[0] for line in out.splitlines()]


def test_write_then_use_baseline(tmp_path: Path, cli: InProcessCli) -> None:
    source = tmp_path / "src" / "legacy.py"
    source.parent.mkdir()
    source.write_text("import os\n" + LEAK + OTHER, encoding="utf-8")
    code, out, err = cli(["check", "--write-baseline", "leaklint-baseline.json", "src"], tmp_path)
    assert code == 0 and out == ""
    assert "recorded 2 findings" in err
    document = json.loads((tmp_path / "leaklint-baseline.json").read_text(encoding="utf-8"))
    assert document["leaklint-baseline"] == 1
    assert [entry["path"] for entry in document["findings"]] == ["src/legacy.py", "src/legacy.py"]
    assert all(entry["fingerprint"] for entry in document["findings"])

    assert cli(["check", "--baseline", "leaklint-baseline.json", "src"], tmp_path)[0] == 0
    # Moving the code (new lines above, other indentation-free spacing) does not resurrect it.
    source.write_text('"""Docs."""\n\nimport os\n\n\n' + OTHER + "\n" + "X  =  [0]  *  10 ** 12\n", encoding="utf-8")
    code, out, err = cli(["check", "--baseline", "leaklint-baseline.json", "src"], tmp_path)
    assert code == 0, out
    assert "2 findings hidden by the baseline" in err
    # A new finding fails, and only it is reported.
    source.write_text("import os\n" + LEAK + OTHER + "Z = [0] * 10 ** 14\n", encoding="utf-8")
    code, out, _ = cli(["check", "--baseline", "leaklint-baseline.json", "src"], tmp_path)
    assert code == 1 and _lines(out) == ["src/legacy.py:4:5"]
    # Editing the flagged code makes it a new finding.
    source.write_text("import os\n" + "X = [0] * 10 ** 15\n" + OTHER, encoding="utf-8")
    code, out, _ = cli(["check", "--baseline", "leaklint-baseline.json", "src"], tmp_path)
    assert code == 1 and _lines(out) == ["src/legacy.py:2:5"]


def test_occurrence_counter_for_identical_lines(tmp_path: Path, cli: InProcessCli) -> None:
    (tmp_path / "a.py").write_text(LEAK * 2, encoding="utf-8")
    assert cli(["check", "--write-baseline", "b.json", "a.py"], tmp_path)[0] == 0
    (tmp_path / "a.py").write_text(LEAK * 3, encoding="utf-8")
    code, out, _ = cli(["check", "--baseline", "b.json", "a.py"], tmp_path)
    assert code == 1 and len(out.splitlines()) == 1
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    assert cli(["check", "--baseline", "b.json", "a.py"], tmp_path)[0] == 0


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path: Path, cli: InProcessCli) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text(LEAK, encoding="utf-8")
    assert cli(["check", "--write-baseline", "base.json", "pkg"], tmp_path)[0] == 0
    # The same baseline used from another working folder still matches.
    code, _, _ = cli(["check", "--baseline", str(tmp_path / "base.json"), "a.py"], tmp_path / "pkg")
    assert code == 0


def test_baseline_with_stdin_and_other_formats(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    assert run_cli(["check", "--write-baseline", "b.json", "a.py"], tmp_path)[0] == 0
    code, out, _ = run_cli(["check", "--baseline", "b.json", "--stdin-filename", "a.py", "-"], tmp_path, stdin="\n" + LEAK)
    assert code == 0 and out == ""
    code, out, _ = run_cli(["check", "--baseline", "b.json", "--format", "json", "a.py"], tmp_path)
    assert code == 0 and json.loads(out) == []


def test_bad_baseline_is_a_usage_error(tmp_path: Path, cli: InProcessCli) -> None:
    (tmp_path / "a.py").write_text(LEAK, encoding="utf-8")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    code, _, err = cli(["check", "--baseline", "bad.json", "a.py"], tmp_path)
    assert code == 2 and "not valid JSON" in err
    code, _, err = cli(["check", "--baseline", "missing.json", "a.py"], tmp_path)
    assert code == 2 and "cannot read baseline" in err
    (tmp_path / "other.json").write_text("[]", encoding="utf-8")
    code, _, err = cli(["check", "--baseline", "other.json", "a.py"], tmp_path)
    assert code == 2 and "not a leaklint baseline" in err


def test_syntax_errors_are_never_baselined(tmp_path: Path, cli: InProcessCli) -> None:
    (tmp_path / "bad.py").write_text("def broken(:\n", encoding="utf-8")
    code, out, err = cli(["check", "--write-baseline", "b.json", "bad.py"], tmp_path)
    assert "recorded 0 findings" in err and "LKL001" in out and code == 1


def test_flagged_text_regions() -> None:
    lines = ["x = (", "    a,", "    b)", "y"]
    finding = Finding("p", "LKL501", "n", "m", "s", Location(1, 5, 3, 7))
    assert flagged_text(finding, lines) == "( a, b)"
    empty = Finding("p", "LKL001", "n", "m", "s", Location(4, 1, 4, 1))
    assert flagged_text(empty, lines) == "y"
    huge = Finding("p", "LKL501", "n", "m", "s", Location(1, 1, 40, 1))
    assert flagged_text(huge, lines) == "x = ("
