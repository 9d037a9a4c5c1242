"""Fix edits as text (JSON, SARIF, editors) computed per statement must equal the whole-module way."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Sequence, Tuple

import pytest

from leaklint.engine import analyze_source
from leaklint.fixes import apply as apply_module
from leaklint.fixes.apply import apply_to_module, text_edits_for
from leaklint.registry import all_rules
from leaklint.rule import TextEdit

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def apply_text_edits(source: str, edits: Sequence[TextEdit]) -> str:
    """Apply 1-based, end-exclusive edits (lines end at CRLF, CR or LF) as an editor would."""
    import re

    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)]

    def offset(line: int, column: int) -> int:
        return starts[line - 1] + column - 1

    spans = sorted(((offset(e.start_line, e.start_column), offset(e.end_line, e.end_column), e.content) for e in edits), reverse=True)
    for (start, end, _), (next_start, _, _) in zip(spans[1:], spans):
        assert end <= next_start, "edits of one fix must not overlap"
    for start, end, content in spans:
        source = source[:start] + content + source[end:]
    return source


def fixture_sources() -> List[Tuple[str, str]]:
    files = [*sorted(FIXTURES.rglob("*.py")), *sorted((ROOT / "examples").rglob("*.py"))]
    pairs = [(str(path), path.read_text(encoding="utf-8")) for path in files]
    for rule in all_rules():
        for index, example in enumerate(getattr(rule, "examples", ())):
            pairs.append((f"{rule.code}_example_{index}.py", example.code))
    return pairs


def test_statement_edits_equal_whole_module_fixes(monkeypatch: pytest.MonkeyPatch) -> None:
    fallbacks: List[str] = []
    original_slow = apply_module.slow_text_edits_for

    def counting_slow(module, context, fix):  # type: ignore[no-untyped-def]
        fallbacks.append(context.path)
        return original_slow(module, context, fix)

    monkeypatch.setattr(apply_module, "slow_text_edits_for", counting_slow)
    checked = 0
    for path, source in fixture_sources():
        analysis = analyze_source(source, path, all_rules(), {})
        if analysis.module is None or analysis.context is None:
            continue
        for finding, fix in analysis.fixes:
            expected = apply_to_module(analysis.module, [fix]).code
            edits = text_edits_for(analysis.module, analysis.context, fix)
            assert apply_text_edits(source, edits) == expected, f"{path}:{finding.line} {finding.code}"
            checked += 1
    assert checked >= 20, f"only {checked} fixes in the fixtures and examples"
    assert len(fallbacks) <= checked // 4, f"the whole-module way took {len(fallbacks)} of {checked} fixes"


def test_fix_with_import_next_to_the_import_block() -> None:
    source = "import json\n\nx = 1\n\n\ndef load(p):\n    return json.load(open(p))\n"
    analysis = analyze_source(source, "t.py", all_rules(), {})
    assert analysis.module is not None and analysis.context is not None
    for _, fix in analysis.fixes:
        expected = apply_to_module(analysis.module, [fix]).code
        assert apply_text_edits(source, text_edits_for(analysis.module, analysis.context, fix)) == expected


def test_edits_keep_crlf_and_nested_indentation() -> None:
    source = "import json\r\n\r\nclass A:\r\n    def load(self, p):\r\n        if p:\r\n            return json.load(open(p))\r\n"
    analysis = analyze_source(source, "t.py", all_rules(), {})
    assert analysis.fixes, "the fixture must have a fix"
    assert analysis.module is not None and analysis.context is not None
    for _, fix in analysis.fixes:
        expected = apply_to_module(analysis.module, [fix]).code
        fixed = apply_text_edits(source, text_edits_for(analysis.module, analysis.context, fix))
        assert fixed == expected and "\r\n" in fixed and "\n" not in fixed.replace("\r\n", "")


EDGE_CASES = {
    "no final newline": "import json\n\ndef load(p):\n    return json.load(open(p))",
    "only statement of a block": "def write(p):\n    f = open(p, 'w')\n    f.write('x')\n",
    "module level, no imports": "f = open('a', 'w')\nf.write('hello')",
    "import right above": "import sqlite3\nconn = sqlite3.connect('app.db')\ncur = conn.cursor()\ncur.execute('select 1')\n",
    "decorated, in a class": "import json\n\n\nclass A:\n    # note\n    @staticmethod\n\n    def load(p):\n        return json.load(open(p))\n",
    "inside match": "import json\n\n\ndef go(p, k):\n    match k:\n        case 1:\n            return json.load(open(p))\n",
    "docstring first": '"""Doc."""\nimport sqlite3\n\n\ndef go():\n    conn = sqlite3.connect("a")\n    conn.execute("x")\n',
}


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_cases_match_whole_module_fixes(name: str) -> None:
    source = EDGE_CASES[name]
    analysis = analyze_source(source, "t.py", all_rules(), {})
    assert analysis.module is not None and analysis.context is not None
    assert analysis.fixes, f"{name}: expected a fix to compare"
    for _, fix in analysis.fixes:
        expected = apply_to_module(analysis.module, [fix]).code
        assert apply_text_edits(source, text_edits_for(analysis.module, analysis.context, fix)) == expected, name
