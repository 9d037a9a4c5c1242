"""Real packages keep their own test suites as they were after leaklint fixes them.

Each package is a pure-Python sdist that ships an offline test suite. Its tests run three times:
as published, after the safe fixes, and after safe and unsafe fixes; the tests that fail (some
fail as published, depending on the machine) and the number of tests run must not change.

The sdists are read from a cache folder (``LEAKLINT_ORACLE_CACHE``, default
``~/.cache/leaklint-oracle``); a missing one is fetched once with ``pip download``, and the test
is skipped when it cannot be obtained (no registry reachable).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import List, Sequence, Set, Tuple

import pytest

from leaklint.fixes.loop import fix_source
from leaklint.registry import all_rules

pytestmark = pytest.mark.slow

# (project, version, the package folder inside the sdist, how its tests run, whether leaklint
# has fixes for it: markdown's two leaks open a file on one branch and close it after the
# branches, which gets a suggestion only)
PACKAGES: Sequence[Tuple[str, str, str, Tuple[str, ...], bool]] = (
    ("markdown", "3.7", "markdown", ("-m", "unittest", "discover", "tests"), False),
    ("docutils", "0.21.2", "docutils", ("test/alltests.py",), True),
)
_OUTCOME = re.compile(r"^(FAIL|ERROR): (.+)$", re.MULTILINE)
_RAN = re.compile(r"^Ran (\d+) tests?", re.MULTILINE)


def _cache() -> Path:
    folder = Path(os.environ.get("LEAKLINT_ORACLE_CACHE", Path.home() / ".cache" / "leaklint-oracle"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sdist(project: str, version: str) -> Path:
    cache = _cache()
    found = sorted(cache.glob(f"{project}-{version}.tar.gz"))
    if not found:
        try:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--quiet",
                 f"{project}=={version}", "-d", str(cache)],
                check=True,
                capture_output=True,
                timeout=180,
            )
        except (subprocess.SubprocessError, OSError):
            pytest.skip(f"{project} {version} cannot be obtained (no registry reachable)")
        found = sorted(cache.glob(f"{project}-{version}.tar.gz"))
    if not found:
        pytest.skip(f"{project} {version} has no sdist")
    return found[0]


def _run_tests(root: Path, command: Sequence[str]) -> Tuple[int, Set[str]]:
    env = dict(os.environ, PYTHONPATH=str(root), PYTHONDONTWRITEBYTECODE="1")
    completed = subprocess.run(
        [sys.executable, *command], cwd=root, capture_output=True, text=True, timeout=600, env=env
    )
    output = completed.stdout + completed.stderr
    ran = _RAN.search(output)
    assert ran is not None, output[-3000:]
    return int(ran.group(1)), {f"{kind}: {name}" for kind, name in _OUTCOME.findall(output)}


def _fix_package(package: Path, unsafe: bool) -> List[str]:
    """Fix every module of the package in place; the files changed."""
    changed = []
    rules = all_rules()
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        outcome = fix_source(source, str(path), rules, {}, unsafe=unsafe)
        assert not outcome.problems, outcome.problems
        if outcome.source != source:
            path.write_text(str(outcome.source), encoding="utf-8")
            changed.append(str(path.relative_to(package.parent)))
    return changed


@pytest.mark.parametrize("project, version, package, command, fixable", PACKAGES, ids=[p[0] for p in PACKAGES])
def test_fixed_package_keeps_its_test_suite(
    tmp_path: Path, project: str, version: str, package: str, command: Tuple[str, ...], fixable: bool
) -> None:
    with tarfile.open(_sdist(project, version)) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / f"{project}-{version}"
    baseline = _run_tests(root, command)
    assert baseline[0] > 100  # the suite really ran

    safe_changes = _fix_package(root / package, unsafe=False)
    assert _run_tests(root, command) == baseline, f"safe fixes in {safe_changes} changed the test results"

    unsafe_changes = _fix_package(root / package, unsafe=True)
    assert _run_tests(root, command) == baseline, f"unsafe fixes in {unsafe_changes} changed the test results"
    assert bool(safe_changes or unsafe_changes) is fixable, (safe_changes, unsafe_changes)
