"""Engine-wide consequence grading: findings in test modules are LOW (strict profile only)."""

from __future__ import annotations

from typing import List

import pytest

from leaklint import lint_source
from leaklint.config import Settings, with_overrides
from leaklint.consequence import is_test_file
from leaklint.rule import Confidence, Finding

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
