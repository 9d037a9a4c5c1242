"""docs/rules.md is generated from the rules; a stale page fails here."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from leaklint.docs import render_rules_page
from leaklint.registry import all_rules


def test_rules_page_is_fresh() -> None:
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == render_rules_page(), "docs/rules.md is stale: run `python -m leaklint.docs`"


def test_check_mode_exit_codes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    stale = tmp_path / "rules.md"
    stale.write_text("old\n")
    command = [sys.executable, "-m", "leaklint.docs", "--check", "--output", str(stale)]
    assert subprocess.run(command, capture_output=True).returncode == 1
    subprocess.run([sys.executable, "-m", "leaklint.docs", "--output", str(stale)], check=True)
    assert subprocess.run(command, capture_output=True).returncode == 0


def test_every_rule_is_documented() -> None:
    page = render_rules_page()
    for rule in all_rules():
        assert f"## {rule.code} {rule.name}" in page
