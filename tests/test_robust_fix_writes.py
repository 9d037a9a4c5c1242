"""`leaklint check --fix` never loses code: read-only files, files changed during the run,
interrupted writes, mode bits, newline styles, symlinks, and nothing written outside the given
paths. Through the CLI in this process, with a test-only fixable rule registered."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Dict

import pytest

from robust_helpers import make_fixable_rule, register_rule, run_in_process, write_bytes

SOURCE = b"import os\n\nx = leak\n"
FIXED = b"import os\nimport weakref\n\nx = weakref.ref(kept)\n"


@pytest.fixture(autouse=True)
def fixable_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    register_rule(monkeypatch, make_fixable_rule())


def _fix(args: list, cwd: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    return run_in_process(["--fix", "--no-cache", *args], cwd, capsys, monkeypatch)


def _tree(root: Path) -> Dict[str, str]:
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = (
                "link->" + os.readlink(path) if path.is_symlink() else hashlib.sha256(path.read_bytes()).hexdigest()
            )
    return found


def test_fix_is_written(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    write_bytes(tmp_path, "a.py", SOURCE)
    run = _fix(["a.py"], tmp_path, capsys, monkeypatch)
    assert (tmp_path / "a.py").read_bytes() == FIXED
    assert run.code == 0 and "Traceback" not in run.err


def test_read_only_file(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_bytes(tmp_path, "ro.py", SOURCE)
    write_bytes(tmp_path, "rw.py", SOURCE)
    target.chmod(0o444)
    run = _fix(["."], tmp_path, capsys, monkeypatch)
    assert target.read_bytes() == SOURCE
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert "leaklint: error: ro.py: fixes not written: the file is read-only" in run.err
    assert (tmp_path / "rw.py").read_bytes() == FIXED, "the other file is still fixed"
    assert run.code == 2
    assert [code for _, _, _, code, _ in run.findings()] == ["LKL997"], "the unfixed finding is reported"


def test_file_changed_on_disk_during_the_run(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    import leaklint.fixes.loop

    target = write_bytes(tmp_path, "a.py", SOURCE)
    edited = SOURCE + b"y = 'typed by the user meanwhile'\n"
    real_fix_source = leaklint.fixes.loop.fix_source

    def fix_then_edit(*args, **kwargs):  # type: ignore[no-untyped-def]
        outcome = real_fix_source(*args, **kwargs)
        target.write_bytes(edited)  # an editor saves while leaklint computes
        return outcome

    monkeypatch.setattr(leaklint.fixes.loop, "fix_source", fix_then_edit)
    run = _fix(["a.py"], tmp_path, capsys, monkeypatch)
    assert target.read_bytes() == edited, "the user's edit wins"
    assert "fixes not written: the file changed on disk during the run" in run.err
    assert run.code == 2


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_write(
    failure: BaseException, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure (or Ctrl-C) between writing the temporary file and the rename."""
    from leaklint.fixes import write

    target = write_bytes(tmp_path, "a.py", SOURCE)

    def fail(source: str, destination: str) -> None:
        raise failure

    monkeypatch.setattr(write, "_replace", fail)
    run = _fix(["a.py"], tmp_path, capsys, monkeypatch)
    assert target.read_bytes() == SOURCE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"], "no temporary file is left"
    if isinstance(failure, KeyboardInterrupt):
        assert run.code == 130 and "interrupted" in run.err
    else:
        assert "fixes not written: cannot write: No space left on device" in run.err and run.code == 2
    assert "Traceback" not in run.err


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("crlf.py", SOURCE.replace(b"\n", b"\r\n"), FIXED.replace(b"\n", b"\r\n")),
        ("cr.py", SOURCE.replace(b"\n", b"\r"), FIXED.replace(b"\n", b"\r")),
        ("bom.py", b"\xef\xbb\xbf" + SOURCE, b"\xef\xbb\xbf" + FIXED),
        ("tabs.py", b"if 1:\n\tx = leak\n", b"import weakref\n\nif 1:\n\tx = weakref.ref(kept)\n"),
        ("no_final_newline.py", b"x = leak", b"import weakref\n\nx = weakref.ref(kept)"),
        ("latin1.py", b"# coding: latin-1\ns = '\xe9'\nx = leak\n", None),
    ],
)
def test_newline_style_and_encoding_kept(
    name: str, data: bytes, expected: bytes, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write_bytes(tmp_path, name, data)
    _fix([name], tmp_path, capsys, monkeypatch)
    fixed = target.read_bytes()
    if expected is not None:
        assert fixed == expected
    else:
        assert b"s = '\xe9'" in fixed and b"weakref.ref(kept)" in fixed
    compile(fixed, name, "exec")


def test_mode_bits_kept(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_bytes(tmp_path, "script.py", b"#!/usr/bin/env python3\n" + SOURCE)
    target.chmod(0o751)
    _fix(["script.py"], tmp_path, capsys, monkeypatch)
    assert b"weakref.ref(kept)" in target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o751


def test_symlink_is_never_replaced(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    real = write_bytes(tmp_path, "src/real.py", SOURCE)
    link = tmp_path / "src" / "link.py"
    link.symlink_to("real.py")
    _fix(["src/link.py"], tmp_path, capsys, monkeypatch)
    assert link.is_symlink() and os.readlink(link) == "real.py"
    assert real.read_bytes() == FIXED
    _fix(["src"], tmp_path, capsys, monkeypatch)  # walked: the link and its target, once
    assert link.is_symlink() and real.read_bytes() == FIXED


def test_nothing_outside_the_given_paths_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Symlinks inside the given folder that lead out of it (to a file, to a folder) are read and
    reported, but their targets are not written."""
    outside = write_bytes(tmp_path, "outside/victim.py", SOURCE)
    write_bytes(tmp_path, "outside/other/deep.py", SOURCE)
    given = tmp_path / "project"
    write_bytes(given, "mine.py", SOURCE)
    (given / "to_file.py").symlink_to(outside)
    (given / "to_folder").symlink_to(tmp_path / "outside" / "other", target_is_directory=True)
    before = _tree(tmp_path / "outside")
    run = _fix(["project"], tmp_path, capsys, monkeypatch)
    assert _tree(tmp_path / "outside") == before
    assert (given / "mine.py").read_bytes() == FIXED
    assert (given / "to_file.py").is_symlink()
    assert "outside the paths given" in run.err
    assert run.code == 2
    leftovers = [p for p in given.rglob("*") if p.name.startswith(".leaklint-")]
    assert not leftovers
    # Named explicitly, a symlink's target is what the user asked for.
    run = _fix(["project/to_file.py"], tmp_path, capsys, monkeypatch)
    assert outside.read_bytes() == FIXED and (given / "to_file.py").is_symlink()


def test_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    write_bytes(tmp_path, "a.py", SOURCE)
    before = _tree(tmp_path)
    run = run_in_process(["--diff", "--no-cache", "a.py"], tmp_path, capsys, monkeypatch)
    assert _tree(tmp_path) == before
    assert "+x = weakref.ref(kept)" in run.out and run.code == 1
