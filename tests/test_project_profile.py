"""The project pass keeps only what the run's profile shows (engine.project_findings).

A low-confidence finding the default profile hides is dropped as its rule returns (never kept
under the next rules' facts); the strict profile keeps it. A finding that yields to another
rule's finding on its line (``Rule.yields_to``) stays out whether that finding is shown or hidden.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Tuple

from leaklint.engine import FileResult, project_findings, check_project, select_project_findings
from leaklint.rule import PROFILE_KEY, Confidence, Finding, Location, Rule

_PATH = "/project/app.py"


def _finding(code: str, line: int, confidence: Confidence) -> Finding:
    return Finding(_PATH, code, code.lower(), f"{code} at {line}", "fix it", Location(line, 1, line, 2), confidence)


class _Cycles(Rule):
    code = "LKL901"
    name = "test-cycles"
    message = "{x}"
    project_scope = True

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        return [
            _finding(cls.code, 3, Confidence.LOW),
            _finding(cls.code, 5, Confidence.HIGH),
            _finding(cls.code, 7, Confidence.LOW),
        ]


class _Yielding(Rule):
    """Reports lines 3, 5 and 9, and yields to LKL901 (hidden on 3 and 7, shown on 5)."""

    code = "LKL902"
    name = "test-yielding"
    message = "{x}"
    project_scope = True
    yields_to = ("LKL901",)

    @classmethod
    def check_project(cls, facts: Mapping[str, Any], settings: Mapping[str, Any]) -> Iterable[Finding]:
        return [_finding(cls.code, line, Confidence.MEDIUM) for line in (3, 5, 9)]


_RULES = (_Cycles, _Yielding)


def _results() -> List[FileResult]:
    return [FileResult(_PATH, facts={"LKL901": {"facts": 1}, "LKL902": {"facts": 2}})]


def _settings(profile: str) -> Dict[str, Dict[str, Any]]:
    return {PROFILE_KEY: {"profile": profile}} if profile != "default" else {}


def _where(findings: Iterable[Finding]) -> List[Tuple[str, int, str]]:
    return [(f.code, f.line, f.confidence.value) for f in findings]


def test_the_default_profile_does_not_keep_what_it_hides() -> None:
    produced = project_findings(_results(), _RULES, _settings("default"))
    # LKL901's low findings (3, 7) are not kept; LKL902 on 3 yields to the hidden one, on 5 to
    # the shown one: only its line 9 is its own.
    assert [code for code, _ in produced] == ["LKL901", "LKL902"]
    assert _where(f for _, f in produced) == [("LKL901", 5, "high"), ("LKL902", 9, "medium")]


def test_the_strict_profile_keeps_them() -> None:
    produced = project_findings(_results(), _RULES, _settings("strict"))
    assert _where(f for _, f in produced) == [
        ("LKL901", 3, "low"), ("LKL901", 5, "high"), ("LKL901", 7, "low"),
        ("LKL902", 3, "medium"), ("LKL902", 5, "medium"), ("LKL902", 9, "medium"),
    ]


def test_reported_findings_are_those_of_keeping_everything() -> None:
    for profile in ("default", "strict"):
        settings = _settings(profile)
        # What select_project_findings reports from everything produced (the old project pass)...
        everything = project_findings(_results(), _RULES, _settings("strict"))
        expected = select_project_findings(everything, _results(), _RULES, settings)
        # ...is what it reports from what this profile's pass keeps.
        assert _where(check_project(_results(), _RULES, settings)) == _where(expected)
    assert _where(check_project(_results(), _RULES, {})) == [("LKL901", 5, "high"), ("LKL902", 9, "medium")]


_PAIR = """
class Tree{i}:
    def __init__(self):
        self.children = [Node{i}(self)]


class Node{i}:
    def __init__(self, parent):
        self.parent = parent
"""


def test_lkl101_builds_no_finding_for_a_cycle_the_profile_hides(tmp_path, monkeypatch) -> None:
    from leaklint.config import Settings, with_overrides
    from leaklint.rules import lkl101_mutual_reference as lkl101
    from leaklint.runner import lint_paths

    (tmp_path / "trees.py").write_text("".join(_PAIR.format(i=i) for i in range(5)))
    built = []
    edge_hops = lkl101.edge_hops  # the related hops of a class-level cycle's finding

    def counted(edges):  # type: ignore[no-untyped-def]
        built.append(edges)
        return edge_hops(edges)

    monkeypatch.setattr(lkl101, "edge_hops", counted)
    default = Settings(root=str(tmp_path), select=("LKL101",))
    assert lint_paths([str(tmp_path)], default).findings == []
    assert built == []  # five low cycles, none built as a finding
    strict = lint_paths([str(tmp_path)], with_overrides(default, profile="strict")).findings
    assert [(f.code, f.confidence) for f in strict] == [("LKL101", Confidence.LOW)] * 5
    assert len(built) == 5
