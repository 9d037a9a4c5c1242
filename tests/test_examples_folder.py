"""The README's first command runs leaklint on examples/: it must show every rule family."""

from __future__ import annotations

from conftest import ROOT
from leaklint.config import Settings
from leaklint.runner import lint_paths


def test_examples_show_each_family_and_nothing_else() -> None:
    report = lint_paths([str(ROOT / "examples")], Settings(root=str(ROOT)))
    codes = {finding.code for finding in report.findings}
    for family in ("LKL1", "LKL2", "LKL30", "LKL4", "LKL5"):
        assert any(code.startswith(family) for code in codes), f"examples/ shows no {family}xx finding"
    assert {"LKL301", "LKL302", "LKL303", "LKL304"} <= codes
    assert not {"LKL001", "LKL002"} & codes
