"""Engine shortcuts that must not change results: trigger names, per-statement positions."""

from __future__ import annotations

import gc

import libcst as cst

from leaklint.analysis.positions import compute_positions
from leaklint.engine import analyze_source
from leaklint.rule import Rule


class EveryCall(Rule):
    """Reports every call to a name (a test rule, not registered)."""

    code = "LKL992"
    name = "test-every-call"
    message = "test"
    trigger_names = ("open", "socket")

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name):
            self.report(node, f"call to {node.func.value}", suggestion="none")


SOURCE = """\
import os


class A:
    def f(self):
        # a comment
        return open(os.devnull)

    @staticmethod
    def g():
        x = 1; y = open("a")
        return x, y


print(socket())
"""


def test_rule_runs_only_when_a_trigger_name_occurs() -> None:
    assert analyze_source("print(len([]))\n", "t.py", [EveryCall], {}).result.findings == []
    found = analyze_source("print(open('x'))\n", "t.py", [EveryCall], {}).result.findings
    assert [f.message for f in found] == ["call to print", "call to open"]


def test_reported_locations_match_the_position_provider() -> None:
    analysis = analyze_source(SOURCE, "t.py", [EveryCall], {})
    module = cst.parse_module(SOURCE)
    full = compute_positions(module)
    calls = [node for node in full if isinstance(node, cst.Call) and isinstance(node.func, cst.Name)]
    expected = sorted((full[c].start.line, full[c].start.column + 1, full[c].end.line, full[c].end.column + 1) for c in calls)
    actual = sorted((f.line, f.column, f.location.end_line, f.location.end_column) for f in analysis.result.findings)
    assert actual == expected
    assert (7, 16) in [(f.line, f.column) for f in analysis.result.findings]


def test_collector_is_restored_after_a_file() -> None:
    assert gc.isenabled()
    analyze_source(SOURCE, "t.py", [EveryCall], {})
    assert gc.isenabled()
    gc.disable()
    try:
        analyze_source(SOURCE, "t.py", [EveryCall], {})
        assert not gc.isenabled()
    finally:
        gc.enable()
