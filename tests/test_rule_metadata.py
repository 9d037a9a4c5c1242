"""A meta-test: what every rule must declare, so nothing is forgotten when one is added."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, expected_markers
from leaklint.registry import all_rules
from leaklint.rule import CODE_PATTERN, NAME_PATTERN, REQUIRED_DOC_SECTIONS, Bad, FixSafety, Good

RULES = all_rules()


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_declares_everything(rule: type) -> None:
    assert CODE_PATTERN.match(rule.code), rule.code
    assert NAME_PATTERN.match(rule.name), rule.name
    assert rule.message
    sections = rule.doc_sections()
    for section in REQUIRED_DOC_SECTIONS:
        assert sections.get(section), f"{rule.code}: docstring lacks '## {section}'"
    if rule.fix_safety is not FixSafety.SUGGESTION:
        assert rule.fix_title, f"{rule.code}: a rule with a machine fix needs fix_title"
        assert sections.get("Fix safety"), f"{rule.code}: a rule with a machine fix needs '## Fix safety'"
    for option in rule.options:
        assert NAME_PATTERN.match(option.name), option.name
        assert isinstance(option.default, option.type)


# LKL002 has no input that triggers it; LKL005 needs a statement larger than `segment-size` (128 KB
# by default), checked through the CLI with a small `segment-size` in tests/test_segments.py.
@pytest.mark.parametrize("rule", [r for r in RULES if r.code not in ("LKL002", "LKL005")], ids=lambda r: r.code)
def test_rule_has_examples_and_fixtures(rule: type) -> None:
    assert any(isinstance(e, Bad) for e in rule.examples), f"{rule.code}: no Bad example"
    assert any(isinstance(e, Good) for e in rule.examples), f"{rule.code}: no Good example"
    folder = FIXTURES / rule.code
    assert folder.is_dir(), f"{rule.code}: no fixture folder tests/fixtures/{rule.code}/"
    assert any(code == rule.code for _, _, code in expected_markers(folder)), f"{rule.code}: no marker"
