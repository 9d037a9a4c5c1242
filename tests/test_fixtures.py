"""Every fixture folder, linted as one project with all rules, gives exactly its markers.

A ``# error: LKL301`` comment says that line must be reported with that code; a line without a
marker must stay clean under every rule.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, expected_markers
from leaklint.config import Settings
from leaklint.runner import lint_paths

FOLDERS = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith("."))


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_fixture_markers(folder: Path) -> None:
    report = lint_paths([str(folder)], Settings(root=str(folder)))
    assert not report.problems
    actual = {(Path(f.path).relative_to(folder).as_posix(), f.line, f.code) for f in report.findings}
    expected = expected_markers(folder)
    assert expected, f"{folder.name} has no markers"
    missing = sorted(expected - actual)
    unexpected = sorted(actual - expected)
    details = {(Path(f.path).relative_to(folder).as_posix(), f.line, f.code): f.message for f in report.findings}
    assert not missing and not unexpected, (
        f"missing: {missing}\nunexpected: {[(u, details[u]) for u in unexpected]}"
    )
