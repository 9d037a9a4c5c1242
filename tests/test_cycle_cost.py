"""The cycle family's default selection needs evidence of cost (issue 16 §3).

A ``# low: LKL101`` marker in a fixture says the line is reported, but only by the strict profile
and at low confidence: a cycle that exists but costs nothing (a tree of plain objects, a ring by
design, a link a teardown helper or ``__exit__`` drops). ``test_fixtures.py`` checks that the
default selection leaves these lines alone; this checks that the strict profile still finds them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Set, Tuple

import pytest

from conftest import FIXTURES
from leaklint.config import Settings, with_overrides
from leaklint.runner import lint_paths

LOW_MARKER = re.compile(r"#\s*low:\s*(?P<codes>LKL[0-9]{3}(?:\s*,\s*LKL[0-9]{3})*)")


def _low_markers(folder: Path) -> Set[Tuple[str, int, str]]:
    found = set()
    for path in sorted(folder.rglob("*.py")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = LOW_MARKER.search(line)
            if match:
                for code in re.split(r"\s*,\s*", match.group("codes")):
                    found.add((path.relative_to(folder).as_posix(), lineno, code))
    return found


# Every fixture folder with a low marker: the cycle family's, and the other rules' low-consequence shapes.
FOLDERS = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and _low_markers(p))


def test_the_cycle_family_and_the_resource_rules_have_low_markers() -> None:
    names = {folder.name for folder in FOLDERS}
    assert {"LKL101", "LKL102", "LKL103", "LKL104", "LKL105", "LKL108", "LKL109", "LKL401", "LKL302"} <= names


@pytest.mark.parametrize("folder", FOLDERS, ids=[p.name for p in FOLDERS])
def test_low_markers_are_found_at_low_confidence_by_the_strict_profile(folder: Path) -> None:
    expected = _low_markers(folder)
    assert expected, f"{folder.name} has no low markers"
    strict = with_overrides(Settings(root=str(folder)), profile="strict")
    report = lint_paths([str(folder)], strict)
    low = {
        (Path(f.path).relative_to(folder).as_posix(), f.line, f.code)
        for f in report.findings if f.confidence.value == "low"
    }
    assert sorted(expected - low) == []


def test_teardown_helper_and_exit_are_read_by_what_they_do() -> None:
    folder = FIXTURES / "LKL101" / "cost"
    strict = with_overrides(Settings(root=str(folder)), profile="strict")
    messages = {(Path(f.path).name, f.line): f.message for f in lint_paths([str(folder)], strict).findings}
    # `Channel.collect()` is no close-like name; `close()` calls it, and it drops the link.
    assert "breaks it itself" in messages[("teardown_helper.py", 26)]
    # `Cursor.__exit__` calls `BTree.deregister_cursor`, which discards the cursor.
    assert "`BTree` drops `cursors`" in messages[("with_exit.py", 22)]


def test_a_tree_suggestion_weakens_the_parent_link_not_the_children() -> None:
    folder = FIXTURES / "LKL101" / "cost"
    findings = [f for f in lint_paths([str(folder)], Settings(root=str(folder))).findings
                if Path(f.path).name == "filter_tree.py"]
    assert [f.line for f in findings] == [39]
    assert "`child.parent = weakref.ref(self)`" in findings[0].suggestion
    assert "WeakSet" not in findings[0].suggestion
