"""The examples in each rule's metadata are tests: Bad fires, Good is clean, fixes are exact."""

from __future__ import annotations

from typing import List, Tuple

import libcst as cst
import pytest

from leaklint import lint_source
from leaklint.fixes.loop import fix_source
from leaklint.registry import all_rules
from leaklint.rule import Bad, Good, Rule

CASES: List[Tuple[type, int, object]] = [
    (rule, index, example) for rule in all_rules() for index, example in enumerate(rule.examples)
]


def _id(case: Tuple[type, int, object]) -> str:
    rule, index, example = case
    return f"{rule.code}-{type(example).__name__.lower()}{index}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_example(case: Tuple[type, int, object]) -> None:
    rule, _, example = case
    assert isinstance(example, (Bad, Good))
    findings = lint_source(example.code, "example.py")
    if isinstance(example, Good):
        assert findings == [], f"Good example of {rule.code} is flagged: {findings}"
        return
    codes = [f.code for f in findings]
    assert rule.code in codes, f"Bad example of {rule.code} is not flagged (got {codes})"
    for finding in findings:
        assert finding.suggestion, "every finding carries a suggested fix"
    if example.fixed is None:
        return
    outcome = fix_source(example.code, "example.py", all_rules(), {}, unsafe=example.unsafe)
    assert outcome.source == example.fixed
    cst.parse_module(outcome.source)
    compile(outcome.source, "example.py", "exec")
    remaining = [f.code for f in lint_source(outcome.source, "example.py")]
    assert rule.code not in remaining, f"fixed code still flagged: {remaining}"
    if not example.unsafe:
        # a safe-only run must not need unsafe fixes to reach the documented result
        assert fix_source(example.code, "example.py", all_rules(), {}, unsafe=False).source == example.fixed
