"""The public Python API and the engine's failure handling."""

from __future__ import annotations

import libcst as cst

from leaklint import lint_source
from leaklint.engine import analyze_source
from leaklint.rule import Rule


class Exploding(Rule):
    """A rule that raises on every Name (test only)."""

    code = "LKL992"
    name = "test-exploding"
    message = "test"

    def visit_Name(self, node: cst.Name) -> None:
        raise KeyError("boom")


def test_lint_source_returns_findings() -> None:
    findings = lint_source("X = [0] * 10 ** 12\n", "x.py")
    assert [(f.code, f.line, f.column) for f in findings] == [("LKL501", 1, 5)]
    assert lint_source("X = 1\n") == []


def test_a_failing_rule_becomes_lkl002_and_others_go_on() -> None:
    from leaklint.registry import rule_by_code

    rules = [Exploding, rule_by_code("LKL501")]
    result = analyze_source("X = [0] * 10 ** 12\n", "x.py", rules, {}).result
    codes = sorted(f.code for f in result.findings)
    assert codes == ["LKL002", "LKL501"]
    internal = next(f for f in result.findings if f.code == "LKL002")
    assert "LKL992 test-exploding" in internal.message and "KeyError" in internal.message


def test_syntax_error_location_comes_from_cpython() -> None:
    findings = lint_source("x = (1,\ny = 2\n", "x.py")
    assert findings[0].code == "LKL001"
    assert findings[0].line == 1


def test_deep_nesting_is_a_finding_not_a_crash() -> None:
    deep = "x = " + "(" * 3000 + "1" + ")" * 3000 + "\n"
    findings = lint_source(deep, "deep.py")
    assert [f.code for f in findings] == ["LKL001"]
    assert "nested" in findings[0].message


class RecordsOpen(Rule):
    """Records what `open` means at each call (test only)."""

    code = "LKL993"
    name = "test-records-open"
    message = "test"
    seen: list = []

    def visit_Call(self, node: cst.Call) -> None:
        RecordsOpen.seen.append(self.context.qualified_name(node.func))


def test_names_resolve_in_the_call_scope_at_visit_time() -> None:
    RecordsOpen.seen = []
    source = "def f():\n    def open(p):\n        return p\n    open('x')\nopen('y')\n"
    analyze_source(source, "x.py", [RecordsOpen], {})
    assert RecordsOpen.seen == [None, "builtins.open"]


def test_leaklint_source_is_clean_under_leaklint() -> None:
    """Dogfood: leaklint's own code has none of the leaks it reports (a finding is a real leak to
    fix or a false alarm to fix in the rule)."""
    from pathlib import Path

    from leaklint.config import Settings
    from leaklint.runner import lint_paths

    source = Path(__file__).resolve().parent.parent / "src"
    report = lint_paths([str(source)], Settings(root=str(source)))
    assert [(f.path, f.line, f.code) for f in report.findings] == []
