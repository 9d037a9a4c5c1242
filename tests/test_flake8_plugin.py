"""The real flake8, with the plugin installed, reports what the CLI reports."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Set, Tuple

import pytest

from conftest import FIXTURES
from leaklint.registry import all_rules

LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>LKL\d{3}) ")
PROJECT_CODES = {rule.code for rule in all_rules() if rule.project_scope}
# flake8 reports files that do not parse as E999 itself; leaklint never sees them.
NOT_UNDER_FLAKE8 = {"LKL001"}


def _triples(output: str, root: Path) -> Set[Tuple[str, int, int, str]]:
    found = set()
    for line in output.splitlines():
        match = LINE.match(line)
        if match and match["code"] not in PROJECT_CODES | NOT_UNDER_FLAKE8:
            path = Path(match["path"])
            path = (root / path).resolve() if not path.is_absolute() else path.resolve()
            found.add((str(path), int(match["line"]), int(match["col"]), match["code"]))
    return found


def _run(command: list, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_flake8_and_cli_agree_on_fixtures() -> None:
    flake8 = _run([sys.executable, "-m", "flake8", "--select", "LKL", "--jobs", "1", str(FIXTURES)], FIXTURES)
    assert "Traceback" not in flake8.stderr, flake8.stderr
    cli = _run([sys.executable, "-m", "leaklint", "check", "--no-cache", "--format", "concise", "--quiet", str(FIXTURES)], FIXTURES)
    from_flake8 = _triples(flake8.stdout, FIXTURES)
    # LKL003 (unused noqa) is the CLI's own: flake8 applies noqa itself and has its own checks.
    from_cli = {triple for triple in _triples(cli.stdout, FIXTURES) if triple[3] != "LKL003"}
    assert from_cli, "the fixtures produce findings"
    assert from_flake8 == from_cli


def test_flake8_stdin_mode_uses_display_name(tmp_path: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LKL", "--stdin-display-name", "pkg/mod.py", "-"],
        cwd=tmp_path,
        input="X = [0] * 10 ** 12\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == 1
    assert process.stdout.startswith("pkg/mod.py:1:5: LKL501 ")


def test_flake8_noqa_and_extend_ignore(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("X = [0] * 10 ** 12  # noqa: LKL501\nY = [0] * 10 ** 12\n")
    process = _run([sys.executable, "-m", "flake8", "--select", "LKL", "a.py"], tmp_path)
    assert [line.split(":")[1] for line in process.stdout.splitlines()] == ["2"]
    process = _run([sys.executable, "-m", "flake8", "--select", "LKL", "--extend-ignore", "LKL501", "a.py"], tmp_path)
    assert process.returncode == 0 and process.stdout == ""


def test_plugin_never_raises_into_flake8(monkeypatch: pytest.MonkeyPatch) -> None:
    import ast

    from leaklint import flake8_plugin

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated")

    monkeypatch.setattr("leaklint.engine.analyze_source", boom)
    checker = flake8_plugin.LeaklintChecker(ast.parse("x = 1\n"), ["x = 1\n"], "a.py")
    results = list(checker.run())
    assert len(results) == 1 and results[0][2].startswith("LKL002 leaklint failed on this file: RuntimeError")
