"""Engine-wide consequence grading: findings in test modules (and modules of test packages) are
LOW (strict profile only)."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest

from leaklint import lint_source
from leaklint.config import Settings, with_overrides
from leaklint.consequence import is_test_file, is_test_module
from leaklint.rule import Confidence, Finding
from leaklint.runner import lint_paths

STRICT = with_overrides(Settings(), profile="strict")

UNCLOSED = "def load(path):\n    f = open(path)\n    return f.read()\n"
# LKL101 comes from the project pass, not from the file's own walk.
MUTUAL = (
    "class Parent:\n    def __init__(self):\n        self.child = Child(self)\n\n\n"
    "class Child:\n    def __init__(self, parent):\n        self.parent = parent\n"
)


def _codes(findings: List[Finding]) -> List[str]:
    return [finding.code for finding in findings]


@pytest.mark.parametrize("path", ["test_loader.py", "pkg/loader_test.py", "tests/conftest.py"])
def test_a_leak_in_a_test_module_is_low_and_only_strict_shows_it(path: str) -> None:
    assert "LKL301" not in _codes(lint_source(UNCLOSED, path))
    strict = [finding for finding in lint_source(UNCLOSED, path, settings=STRICT) if finding.code == "LKL301"]
    assert [finding.confidence for finding in strict] == [Confidence.LOW]


@pytest.mark.parametrize("path", ["loader.py", "tests/helpers.py", "testing.py", "contest.py"])
def test_the_same_leak_elsewhere_keeps_its_confidence(path: str) -> None:
    findings = [finding for finding in lint_source(UNCLOSED, path) if finding.code == "LKL301"]
    assert [finding.confidence for finding in findings] == [Confidence.HIGH]


def test_project_pass_findings_are_graded_too() -> None:
    assert "LKL101" in _codes(lint_source(MUTUAL, "models.py", settings=STRICT))
    assert "LKL101" not in _codes(lint_source(MUTUAL, "test_models.py"))
    graded = [finding for finding in lint_source(MUTUAL, "test_models.py", settings=STRICT) if finding.code == "LKL101"]
    assert graded and all(finding.confidence is Confidence.LOW for finding in graded)


def test_engine_diagnostics_in_test_modules_still_show() -> None:
    findings = lint_source("def broken(:\n    pass\n", "test_broken.py")
    assert _codes(findings) == ["LKL001"]


def test_test_module_names() -> None:
    assert is_test_file("a/b/test_x.py") and is_test_file("x_test.py") and is_test_file("conftest.py")
    assert not is_test_file("tests/fixtures.py") and not is_test_file("latest.py") and not is_test_file("attest_x.py")


def _package(root: Path, files: Dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _confidences(root: Path, code: str, settings: Settings) -> Dict[str, List[Confidence]]:
    report = lint_paths([str(root)], with_overrides(settings, root=str(root)))
    found: Dict[str, List[Confidence]] = {}
    for finding in report.findings:
        if finding.code == code:
            found.setdefault(Path(finding.path).relative_to(root).as_posix(), []).append(finding.confidence)
    return found


def test_a_support_module_of_a_test_package_is_low(tmp_path: Path) -> None:
    # supervisor/tests/base.py: test doubles and helpers a test suite imports, not named test_*.py.
    _package(tmp_path, {
        "pkg/__init__.py": "", "pkg/core.py": UNCLOSED,
        "pkg/tests/__init__.py": "", "pkg/tests/base.py": UNCLOSED + "\n\n" + MUTUAL,
        "pkg/_testbase/__init__.py": UNCLOSED,
    })
    strict = _confidences(tmp_path, "LKL301", STRICT)
    assert strict == {"pkg/core.py": [Confidence.HIGH], "pkg/tests/base.py": [Confidence.LOW],
                      "pkg/_testbase/__init__.py": [Confidence.LOW]}
    assert _confidences(tmp_path, "LKL301", Settings()) == {"pkg/core.py": [Confidence.HIGH]}
    # A project-pass finding (a cycle) in the support module is graded the same way.
    cycles = _confidences(tmp_path, "LKL101", STRICT)
    assert cycles.get("pkg/tests/base.py") and set(cycles["pkg/tests/base.py"]) == {Confidence.LOW}


def test_a_tests_folder_that_is_not_a_package_keeps_its_findings(tmp_path: Path) -> None:
    # leaklint's own fixtures live under tests/fixtures/ (no __init__.py), and a project may be
    # checked out under a folder named tests: only the package structure makes a test module.
    _package(tmp_path, {"tests/fixtures/loader.py": UNCLOSED, "tests/pkg/__init__.py": "",
                        "tests/pkg/loader.py": UNCLOSED})
    assert _confidences(tmp_path, "LKL301", Settings()) == {
        "tests/fixtures/loader.py": [Confidence.HIGH], "tests/pkg/loader.py": [Confidence.HIGH]}


def test_test_package_names(tmp_path: Path) -> None:
    _package(tmp_path, {"app/__init__.py": "", "app/testing.py": "", "app/contest/__init__.py": "",
                        "app/contest/x.py": "", "app/testing_tools/__init__.py": "", "app/testing_tools/y.py": "",
                        "app/test/__init__.py": "", "app/test/z.py": ""})
    assert not is_test_module(str(tmp_path / "app/testing.py"))  # a module's own name is judged by its code
    assert not is_test_module(str(tmp_path / "app/contest/x.py"))
    assert not is_test_module(str(tmp_path / "app/testing_tools/y.py"))
    assert is_test_module(str(tmp_path / "app/test/z.py")) and is_test_module(str(tmp_path / "app/test/__init__.py"))
