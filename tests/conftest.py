"""Shared test helpers."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# Fixtures are code for leaklint to read, never tests to run (a fixture named test_*.py would be
# collected and would import its folder's modules into the test process).
collect_ignore_glob = ["fixtures/*"]

MARKER = re.compile(r"#\s*error:\s*(?P<codes>LKL[0-9]{3}(?:\s*,\s*LKL[0-9]{3})*)")


def expected_markers(folder: Path) -> Set[Tuple[str, int, str]]:
    """(relative path, line, code) for every ``# error: LKL...`` marker under ``folder``."""
    expected = set()
    for path in sorted(folder.rglob("*.py*")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for lineno, line in enumerate(text.splitlines(), start=1):
            match = MARKER.search(line)
            if match:
                for code in re.split(r"\s*,\s*", match.group("codes")):
                    expected.add((path.relative_to(folder).as_posix(), lineno, code))
    return expected


def findings_by_line(source: str, code: str, profile: str) -> Dict[int, Any]:
    """Line -> finding of ``code`` in ``source`` (checked as ``m.py``) under ``profile``."""
    from leaklint import lint_source
    from leaklint.config import Settings, with_overrides

    settings = with_overrides(Settings(), profile=profile)
    return {f.line: f for f in lint_source(source, "m.py", settings=settings) if f.code == code}


def pytest_collection_modifyitems(items: List[pytest.Item]) -> None:
    """The minutes-long sweeps first: with the suite spread over every core (pytest-xdist), the
    short tests then fill the other cores around them instead of leaving one sweep running alone
    at the end. The order within each group is kept."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture
def tmp_project(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture(autouse=True, scope="session")
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """leaklint keeps its cache and cache key in the user's cache folder: the tests get their own
    (subprocesses inherit it), so they never touch the real one."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))
