"""The fix machinery with a rule made for the test: rounds, imports, dropping broken fixes, writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import libcst as cst
import pytest

from leaklint.fixes import write as write_module
from leaklint.fixes.loop import fix_source
from leaklint.fixes.write import WriteRefused, atomic_write
from leaklint.rule import Edit, Fix, FixSafety, Rule
from robust_helpers import make_fixable_rule


# `leak` becomes `weakref.ref(kept)`: a safe fix that needs an import (shared with the robustness tests).
RenameLeak = make_fixable_rule()


class BreakSyntax(Rule):
    """A broken fix: the result does not parse, so it must be dropped."""

    code = "LKL991"
    name = "test-break"
    message = "test"
    fix_safety = FixSafety.SAFE

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "bad":
            fix = Fix((Edit(node, cst.Name("kept")),), FixSafety.SAFE)
            broken = Fix((Edit(node, cst.parse_expression("x if y else z").with_changes(test=cst.Name("lambda"))),), FixSafety.SAFE)
            self.report(node, "bad", suggestion="x", fix=broken)


def test_fix_adds_import_once_and_keeps_newlines() -> None:
    source = b"a = leak\r\nb = leak\r\n"
    outcome = fix_source(source, "t.py", [RenameLeak], {})
    assert outcome.source == b"import weakref\r\n\r\na = weakref.ref(kept)\r\nb = weakref.ref(kept)\r\n"
    assert outcome.applied == 2
    assert outcome.result is not None and outcome.result.findings == []


def test_fix_keeps_bom_and_latin1() -> None:
    outcome = fix_source(b"\xef\xbb\xbfx = leak\n", "t.py", [RenameLeak], {})
    assert isinstance(outcome.source, bytes) and outcome.source.startswith(b"\xef\xbb\xbf")
    latin = "# -*- coding: latin-1 -*-\ns = 'é'\nx = leak\n".encode("latin-1")
    outcome = fix_source(latin, "t.py", [RenameLeak], {})
    assert "s = 'é'".encode("latin-1") in outcome.source


def test_lone_cr_file_keeps_its_last_newline() -> None:
    outcome = fix_source(b"x = leak\r", "t.py", [RenameLeak], {})
    assert outcome.source.endswith(b"\r") and b"weakref.ref(kept)" in outcome.source


def test_fix_that_breaks_the_file_is_dropped() -> None:
    outcome = fix_source("x = bad\n", "t.py", [BreakSyntax], {})
    assert outcome.source == "x = bad\n"
    assert outcome.problems and "would not parse" in outcome.problems[0]


def test_atomic_write_keeps_mode_and_refuses_changes(tmp_path: Path) -> None:
    target = tmp_path / "a.py"
    target.write_bytes(b"old\n")
    os.chmod(target, 0o640)
    atomic_write(str(target), b"new\n", b"old\n")
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    with pytest.raises(WriteRefused, match="changed on disk"):
        atomic_write(str(target), b"newer\n", b"old\n")
    assert target.read_bytes() == b"new\n"


def test_atomic_write_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_bytes(b"old\n")
    link = tmp_path / "link.py"
    link.symlink_to(real)
    atomic_write(str(link), b"new\n", b"old\n")
    assert link.is_symlink() and real.read_bytes() == b"new\n"


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "ro.py"
    target.write_bytes(b"old\n")
    os.chmod(target, 0o444)
    with pytest.raises(WriteRefused, match="read-only"):
        atomic_write(str(target), b"new\n", b"old\n")
    assert target.read_bytes() == b"old\n"


def test_failure_between_write_and_rename_leaves_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.py"
    target.write_bytes(b"old\n")

    def fail(source: str, destination: str) -> None:
        raise OSError(5, "simulated I/O error")

    monkeypatch.setattr(write_module, "_replace", fail)
    with pytest.raises(WriteRefused, match="simulated"):
        atomic_write(str(target), b"new\n", b"old\n")
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.py"], "no temporary file is left behind"


def test_text_edit_positions_count_every_newline_style() -> None:
    from leaklint.fixes.apply import diff_as_edit

    for newline in ("\n", "\r\n", "\r"):
        old = f"a = 1{newline}b = leak{newline}"
        new = f"a = 1{newline}b = kept{newline}"
        edit = diff_as_edit(old, new)
        assert (edit.start_line, edit.start_column, edit.end_line, edit.end_column) == (2, 5, 2, 9), newline


def test_file_libcst_cannot_round_trip_is_not_fixed() -> None:
    # libcst drops a form feed before a statement at column 0: writing its output back would
    # delete it, so no fix is applied to such a file (regression, issue 9).
    source = "\x0cx = leak\n"
    assert cst.parse_module(source).code != source, "libcst still drops the form feed"
    outcome = fix_source(source, "t.py", [RenameLeak], {})
    assert outcome.source == source and outcome.applied == 0
    assert outcome.problems and "byte for byte" in outcome.problems[0]


def test_form_feed_elsewhere_is_kept_by_fixes() -> None:
    source = "a = 1\n\x0c\nx = leak\n"
    outcome = fix_source(source, "t.py", [RenameLeak], {})
    assert outcome.applied == 1 and "\x0c\n" in outcome.source


def test_fix_whose_application_raises_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    from leaklint.fixes import loop

    def explode(module: cst.Module, fixes: object) -> cst.Module:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(loop, "apply_to_module", explode)
    outcome = fix_source("x = leak\n", "t.py", [RenameLeak], {})
    assert outcome.source == "x = leak\n" and outcome.applied == 0
    assert outcome.problems, "the dropped fix is reported"
