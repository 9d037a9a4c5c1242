"""Statement spans read from the text must be exactly ``ast``'s, statement by statement."""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import List, Optional

import libcst as cst
import pytest

from leaklint.analysis.positions import _first_line
from leaklint.analysis.statement_lines import STATEMENT_TYPES, _ast_statements
from leaklint.analysis.statement_spans import StatementSpans, statement_spans
from leaklint.analysis.walk import walk

SOURCES = {
    "semicolons": (
        "a = 1; b = (2 +\n  3);  c = 4  # c\nd = 5;\nimport os; import sys;  \n"
        "def f():\n    x = 1; del x;  # the def ends at the semicolon\nif x: y = 1;\n"
    ),
    "one-line-bodies": (
        "if x: y = 1; z = 2\nelif w: pass\nelse: v = {1: 2}\n"
        "for i in r: f(i)\nelse: g()\nwhile a: break\n"
        "try: h()\nexcept (E, F) as e: raise\nelse: pass\nfinally: k()\n"
        "with a as b: c = b[1:2]\nclass C: x: int = 1\ndef f(a: int = 1) -> 'X': return {a: 1}\n"
        "if (n := 3) > 2: pass\nif n := f(): pass\n"
    ),
    "decorators": (
        "@a\n# comment\n@b . c(\n  1)\n\n@ d\nclass C:\n    @property\n    def f(self): pass\n\n"
        "    @staticmethod\n    async def g():\n        pass\n"
    ),
    "continuations": (
        "x = 1 + \\\n    2\ny = 3 \\\n\nassert x, \\\n  'msg'  # comment\n"
        "z = f(a,  # one\n      b)  # two\nif (a and\n    b):  # c\n    pass\n"
    ),
    "strings": (
        "'''doc \"quoted\" # not a comment\n''' \ns = \"a#b\" + 'c\\'d' + r'\\e' + b'f'\n"
        "t = '''x''' \"\"\"y\"\"\" 'z'  # c\nu = f\"{s!r} {d['k']:>{w}}\" r'\\x'\n"
        "v = '''a\\'''b'''\nw = 'line\\\ncontinued'\nx = \"\"\"ends with quote\\\"\"\"\"\n"
    ),
    "non-ascii": "s = 'héllo'; t = 'wörld'\nclass Ä:\n    def f(self): return 'ÿ' + s  # ü\n",
    "nested": (
        "async def main(a):\n    if a:\n        x = 1\n        with open(a) as f:\n"
        "            async for line in f:\n                try:\n                    g(line)\n"
        "                except* E:\n                    h()\n    elif b:\n        pass\n"
        "    else:\n        async with e as f:\n            return\n"
    ),
    "match": (
        "match command.split():\n    case [action]:\n        pass\n"
        "    case {'x': 1, **rest} if rest: y = 1\n    case _:\n        match = 1\n"
        "match = 2\nmatch(x)\n"
    ),
    "form-feed-and-tabs": "x = 1\n\x0c\ndef f():\n\tif x:\n\t\treturn x\n\x0c    \ny = 2",
    "blank-and-comments-only": "\n\n# c\n\n",
    "empty": "",
    "brackets-across-lines": "x = [\n    1,\n\n    # c\n    2,\n]\ny = {\n}\n",
}


def _pairs(source: str):  # type: ignore[no-untyped-def]
    module = cst.parse_module(source)
    ours = [node for node in walk(module) if type(node) in STATEMENT_TYPES]
    theirs = _ast_statements(ast.parse(source))
    assert len(ours) == len(theirs)
    return module, list(zip(ours, theirs))


def _assert_same(source: str, spans: Optional[StatementSpans] = None) -> None:
    module, pairs = _pairs(source)
    spans = spans or statement_spans(source, module)
    assert spans is not None
    for ours, theirs in pairs:
        span = spans.get(ours)
        assert span is not None, type(ours).__name__
        got = (span.lineno, span.col_offset, span.end_lineno, span.end_col_offset)
        assert got == (theirs.lineno, theirs.col_offset, theirs.end_lineno, theirs.end_col_offset), (
            type(ours).__name__, source.splitlines()[theirs.lineno - 1])
        if getattr(ours, "decorators", None):
            assert spans.first_line(ours) == _first_line(theirs)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_same_as_ast(name: str) -> None:
    source = SOURCES[name]
    if "except*" in source and sys.version_info < (3, 11):
        pytest.skip("except* is Python 3.11 syntax")
    if "match" in source and sys.version_info < (3, 10):
        pytest.skip("match is Python 3.10 syntax")
    _assert_same(source)


def _stdlib_sample() -> List[Path]:
    root = Path(ast.__file__).parent
    files = sorted(root.glob("*.py")) + sorted((root / "asyncio").glob("*.py")) + sorted((root / "email").glob("*.py"))
    return files[::7]


@pytest.mark.parametrize("path", _stdlib_sample(), ids=lambda p: p.name)
def test_same_as_ast_on_stdlib_modules(path: Path) -> None:
    _assert_same(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "source",
    [
        "x = 1\r\ny = 2\r\n",  # carriage returns: left to ast
        "if lambda: 1: pass\n",  # a lambda's colon before the header's
    ],
    ids=["crlf", "lambda-in-one-line-header"],
)
def test_unread_text_is_left_to_ast(source: str) -> None:
    assert statement_spans(source, cst.parse_module(source)) is None


def test_text_not_lining_up_is_left_to_ast() -> None:
    module = cst.parse_module("if x:\n    pass\n")
    assert statement_spans("while x:\n    pass\n", module) is None  # the header is not an `if`
    assert statement_spans("if x:\n    pass\ny = 1\n", module) is None  # text left over
