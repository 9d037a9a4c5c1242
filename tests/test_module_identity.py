"""Same-named modules in different folders (no packages) are different modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path, PurePath

from conftest import FIXTURES
from leaklint.config import Settings
from leaklint.flow.identity import import_root, renamers
from leaklint.runner import lint_paths

SCRIPTS = FIXTURES / "LKL102" / "scripts"


def _found(findings) -> set:
    return {(Path(f.path).resolve().relative_to(SCRIPTS).as_posix(), f.line, f.code) for f in findings}


def test_cli_keeps_two_x_modules_apart() -> None:
    report = lint_paths([str(SCRIPTS)], Settings(root=str(SCRIPTS)))
    found = {item for item in _found(report.findings) if item[2].startswith("LKL10")}
    # The real cycles of b/x.py (one through owner.py, which imports b's x), nothing in a/.
    assert found == {("b/x.py", 11, "LKL101"), ("b/x.py", 18, "LKL101")}


def test_flake8_one_file_at_a_time_agrees_within_each_file() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "LKL", "--jobs", "1", str(SCRIPTS)],
        capture_output=True, text=True, timeout=600, cwd=SCRIPTS,
    )
    assert "Traceback" not in process.stderr, process.stderr
    lines = [line.split(":", 3) for line in process.stdout.splitlines() if " LKL" in line]
    found = {(Path(p).resolve().relative_to(SCRIPTS).as_posix(), int(n), rest.split()[0]) for p, n, _c, rest in lines}
    # The cycle through owner.py needs both files: flake8 sees one at a time.
    assert found == {("b/x.py", 11, "LKL101")}


def test_import_root_and_renaming() -> None:
    assert import_root("s/a/x.py", "x") == PurePath("s/a")
    assert import_root("s/a/pkg/m.py", "pkg.m") == PurePath("s/a")
    assert import_root("s/a/pkg/__init__.py", "pkg") == PurePath("s/a")
    rename = renamers({"s/a/x.py": "x", "s/b/x.py": "x", "s/b/y.py": "y", "s/c/z.py": "z"})
    assert rename["s/a/x.py"]("x.Node") != rename["s/b/x.py"]("x.Node")
    # y.py imports the x beside it; z.py has no x under its root; unrelated names stay.
    assert rename["s/b/y.py"]("x.Node") == rename["s/b/x.py"]("x.Node")
    assert rename["s/c/z.py"]("x.Node") not in (rename["s/a/x.py"]("x.Node"), rename["s/b/x.py"]("x.Node"))
    assert rename["s/a/x.py"]("xy.Node") == "xy.Node"
    assert renamers({"a/x.py": "x", "a/y.py": "y"}) == {}
