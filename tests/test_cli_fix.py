"""`leaklint check --fix / --unsafe-fixes / --diff` through the real command, with LKL301."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from test_cli import run, write

SAFE = "def load(path):\n    data = open(path).read()\n    return data\n"
SAFE_FIXED = "def load(path):\n    with open(path) as f:\n        data = f.read()\n    return data\n"
UNSAFE = "def log(path):\n    out = open(path, 'a')\n    out.write('start')\n    return path\n"
UNSAFE_FIXED = "def log(path):\n    with open(path, 'a') as out:\n        out.write('start')\n    return path\n"


def test_fix_applies_safe_fixes_only_and_is_idempotent(tmp_path: Path) -> None:
    safe = write(tmp_path, "safe.py", SAFE)
    unsafe = write(tmp_path, "unsafe.py", UNSAFE)
    os.chmod(safe, 0o754)
    code, out, err = run(["check", "--fix", "."], tmp_path)
    assert safe.read_text() == SAFE_FIXED
    assert unsafe.read_text() == UNSAFE, "unsafe fixes need --unsafe-fixes"
    assert stat.S_IMODE(safe.stat().st_mode) == 0o754
    assert code == 1 and "unsafe.py:2:11: LKL301" in out and "safe.py:" not in out.replace("unsafe.py", "")
    assert "--unsafe-fixes" in err
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    run(["check", "--fix", "."], tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before, "a second --fix changes nothing"


def test_unsafe_fixes(tmp_path: Path) -> None:
    unsafe = write(tmp_path, "unsafe.py", UNSAFE)
    code, out, _ = run(["check", "--fix", "--unsafe-fixes", "unsafe.py"], tmp_path)
    assert code == 0 and out == ""
    assert unsafe.read_text() == UNSAFE_FIXED


def test_unsafe_fixes_from_config(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", "[tool.leaklint]\nunsafe-fixes = true\n")
    unsafe = write(tmp_path, "unsafe.py", UNSAFE)
    assert run(["check", "--fix", "unsafe.py"], tmp_path)[0] == 0
    assert unsafe.read_text() == UNSAFE_FIXED


def test_diff_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    safe = write(tmp_path, "safe.py", SAFE)
    code, out, _ = run(["check", "--diff", "safe.py"], tmp_path)
    assert code == 1
    assert out.startswith("--- a/safe.py\n+++ b/safe.py\n")
    assert "+    with open(path) as f:" in out
    assert safe.read_text() == SAFE
    write(tmp_path, "clean.py", "X = 1\n")
    assert run(["check", "--diff", "clean.py"], tmp_path) == (0, "", "")


def test_fix_keeps_crlf_and_encoding(tmp_path: Path) -> None:
    path = tmp_path / "crlf.py"
    path.write_bytes(("# -*- coding: latin-1 -*-\r\n# caf\xe9\r\n" + SAFE.replace("\n", "\r\n")).encode("latin-1"))
    assert run(["check", "--fix", "crlf.py"], tmp_path)[0] == 0
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    assert "caf\xe9".encode("latin-1") in data
    assert b"    with open(path) as f:\r\n" in data


def test_fix_on_stdin_prints_the_fixed_code(tmp_path: Path) -> None:
    code, out, _ = run(["check", "--fix", "--stdin-filename", "mod.py", "-"], tmp_path, stdin=SAFE)
    assert out == SAFE_FIXED and code == 0


def test_read_only_file_is_left_alone_and_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "ro.py", SAFE)
    os.chmod(path, 0o444)
    code, _, err = run(["check", "--fix", "ro.py"], tmp_path)
    assert code == 2 and "read-only" in err
    assert path.read_text() == SAFE


def test_fix_summary_counts_fixed_and_remaining(tmp_path: Path) -> None:
    write(tmp_path, "safe.py", SAFE + "\n\n" + SAFE.replace("load", "load_again"))
    write(tmp_path, "unsafe.py", UNSAFE)
    code, _, err = run(["check", "--fix", "."], tmp_path)
    assert code == 1
    assert "Found 3 findings (2 fixed, 1 remaining) in 2 files checked." in err, err
    assert "All checks passed" not in err
    code, _, err = run(["check", "--fix", "--unsafe-fixes", "."], tmp_path)
    assert code == 0 and "Found 1 finding (1 fixed, 0 remaining) in 2 files checked." in err, err
    code, _, err = run(["check", "--fix", "."], tmp_path)
    assert code == 0 and "All checks passed (2 files checked)." in err, err


def test_statistics_marks_fixable_only_for_fixes_fix_would_apply(tmp_path: Path) -> None:
    write(tmp_path, "unsafe.py", UNSAFE)
    _, out, _ = run(["check", "--statistics", "unsafe.py"], tmp_path)
    assert out == "    1  LKL301      open-without-context-manager\n", repr(out)
    _, out, _ = run(["check", "--statistics", "--unsafe-fixes", "unsafe.py"], tmp_path)
    assert out == "    1  LKL301  [*] open-without-context-manager\n", repr(out)
    write(tmp_path, "safe.py", SAFE)
    _, out, _ = run(["check", "--statistics", "safe.py"], tmp_path)
    assert out == "    1  LKL301  [*] open-without-context-manager\n", repr(out)
