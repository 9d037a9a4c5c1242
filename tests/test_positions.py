"""Positions computed per statement must equal libcst's PositionProvider on every node."""

from __future__ import annotations

import ast
from typing import Dict

import libcst as cst
import pytest

from leaklint.analysis.positions import StatementPositions, compute_positions
from leaklint.analysis.statement_spans import statement_spans
from leaklint.analysis.walk import children, walk

SOURCES: Dict[str, str] = {
    "header-and-decorators": (
        "#!/usr/bin/env python\n# a comment\n\n'''doc'''\nimport os; import sys\n\n\n"
        "@decorator\n# between\n@other(\n    1)\nclass A(object):\n    '''doc'''\n\n"
        "    # leading comment\n    @property\n    def f(self):\n        x = 1; y = 2\n"
        "        return open(os.devnull)\n    # footer comment\n\n"
        "    async def g(self):\n        async with x as y:\n            pass\n"
        "        def inner():\n            class B: pass\n            return B\n"
        "# trailing\n"
    ),
    "compound": (
        "if a:\n    b = (1 +\n         2)\nelif c:\n    pass\nelse:\n    d = '''x\ny'''\n"
        "for i in range(3):\n    try:\n        f(i)\n    except E as e:\n        raise\n    finally:\n        g()\n"
        "while x: y()\nwith a() as b, c() as d:\n    pass\ndef f(): return 1\n"
        "x = [\n    1,\n    2,\n]\nlong = 1 + \\\n    2\n"
    ),
    "nested-compound": (
        "async def main(a):\n    if a:\n        # leading comment\n\n        x = 1; y = (2,\n   3)\n"
        "        with open(a) as f:\n            for line in f:\n                try:\n"
        "                    g(line)\n                except E:\n                    h()\n"
        "                else:\n                    k()\n                finally:\n"
        "                    m()\n            else:\n                n()\n    elif b:\n"
        "        while c:\n            async for i in d:\n                async with e as f:\n"
        "                    @dec\n                    def inner(): return i\n"
        "    else:\n        pass\n"
        "class A:\n    if TYPE:\n        def f(self): pass\n"
    ),
    "crlf": "class A:\r\n    def f(self):\r\n        return 1\r\n\r\nx = A()\r\n",
    "cr-only": "class A:\r    def f(self):\r        return 1\rx = A()\r",
    "no-final-newline": "def f():\n    return 1\nx = f()",
    "tabs": "class A:\n\tdef f(self):\n\t\treturn 1\n\tdef g(self):\n\t\treturn 2\n",
    "non-ascii": "s = 'héllo wörld'\nclass Ä:\n    def f(self):\n        return 'ÿ' + s\n",
    "form-feed": "x = 1\n\x0c\ndef f():\n    return x\n",
    "only-comments": "# nothing\n# at all\n",
    "empty": "",
}


def _parents(module: cst.Module) -> Dict[int, cst.CSTNode]:
    parents: Dict[int, cst.CSTNode] = {}
    for node in walk(module):
        for child in children(node):
            parents[id(child)] = node
    return parents


@pytest.mark.parametrize("lines", ["ast", "spans", "codegen"], ids=["ast-lines", "text-lines", "codegen-lines"])
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_same_as_position_provider(name: str, lines: str) -> None:
    source = SOURCES[name]
    module = cst.parse_module(source)
    full = compute_positions(module)
    tree = ast.parse(source) if lines == "ast" else None
    nodes = list(walk(module))

    def positions() -> StatementPositions:
        spans = statement_spans(source, module) if lines == "spans" else None
        return StatementPositions(module, _parents(module), source, tree, spans)

    # One object per node: each lookup starts from nothing, like a file with one finding.
    for node in nodes:
        assert positions()[node] == full[node], type(node).__name__
    # One object for all nodes: a file with many findings.
    shared = positions()
    for node in reversed(nodes):
        assert shared[node] == full[node]


def test_wrong_ast_lines_are_caught() -> None:
    source = SOURCES["header-and-decorators"]
    module = cst.parse_module(source)
    full = compute_positions(module)
    wrong = ast.parse("\n\n" + source)  # every line off by two
    positions = StatementPositions(module, _parents(module), source, wrong)
    for node in walk(module):
        assert positions[node] == full[node]


def test_node_outside_the_walk_falls_back() -> None:
    module = cst.parse_module("x = (1)\n")
    full = compute_positions(module)
    statement = module.body[0]
    assert isinstance(statement, cst.SimpleStatementLine)
    paren = statement.body[0].value.lpar[0]  # type: ignore[attr-defined]
    assert StatementPositions(module, _parents(module), "x = (1)\n", ast.parse("x = (1)\n"))[paren] == full[paren]


def test_nested_statements_use_ast_lines() -> None:
    """Nodes deep in compound statements are located from ``ast`` lines (no fallback to
    generating whole top-level statements), and still match the provider."""
    source = SOURCES["nested-compound"]
    module = cst.parse_module(source)
    full = compute_positions(module)
    positions = StatementPositions(module, _parents(module), source, ast.parse(source))
    for node in walk(module):
        assert positions[node] == full[node], type(node).__name__
    assert positions._use_ast
    # Locating one call deep inside generates only the statement that holds it.
    call = next(n for n in walk(module) if isinstance(n, cst.Call) and cst.ensure_type(n.func, cst.Name).value == "g")
    single = StatementPositions(module, _parents(module), source, ast.parse(source))
    assert single[call] == full[call]
    holder = next(n for n in walk(module) if isinstance(n, cst.SimpleStatementLine) and call in walk(n))
    assert single._done == {id(holder)}


ARMS: Dict[str, str] = {
    "elif": "if a:\n    x = 1\nelif b:\n    y = f(2)\n",
    "else": "if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    y = f(2)\n",
    "except": "try:\n    x = 1\nexcept E:\n    x = 2\nexcept F as e:\n    y = f(2)\n",
    "try-else": "try:\n    x = 1\nexcept E:\n    x = 2\nelse:\n    y = f(2)\n",
    "finally": "try:\n    x = 1\nfinally:\n    y = f(2)\n",
    "for-else": "for i in a:\n    x = 1\nelse:\n    y = f(2)\n",
    "while-else": "while a:\n    x = 1\nelse:\n    y = f(2)\n",
}


@pytest.mark.parametrize("arm", sorted(ARMS))
def test_a_node_in_an_arm_costs_only_its_own_statement(arm: str) -> None:
    """The statement holding the node gets the position code generation, not the compound
    statement around it (a call in the ``else`` of a long ``if`` used to regenerate all of it)."""
    body = ARMS[arm]
    source = "def g():\n" + "".join("    " + line + "\n" for line in body.splitlines()) + "z = 0\n"
    module = cst.parse_module(source)
    full = compute_positions(module)
    call = next(n for n in walk(module) if isinstance(n, cst.Call))
    positions = StatementPositions(module, _parents(module), source, ast.parse(source))
    assert positions[call] == full[call]
    compound = module.body[0].body.body[0]  # type: ignore[attr-defined]
    holder = next(n for n in walk(compound) if isinstance(n, cst.SimpleStatementLine) and call in walk(n))
    assert holder in positions._computed and compound not in positions._computed


def test_a_node_in_a_compound_header_does_not_generate_the_body() -> None:
    """`with open(p) as f:` located: the code is generated up to the call, not through the body
    after it; a second node of the same statement generates all of it. Both match the provider."""
    source = "def g(p):\n    with open(p) as f:\n        x = f.read()\n        y = (x,\n             1)\n    return y\n"
    module = cst.parse_module(source)
    full = compute_positions(module)
    call = next(n for n in walk(module) if isinstance(n, cst.Call))
    body_call = next(n for n in walk(module) if isinstance(n, cst.Call) and n is not call)
    with_statement = next(n for n in walk(module) if isinstance(n, cst.With))
    positions = StatementPositions(module, _parents(module), source, ast.parse(source))
    assert positions[call] == full[call]
    assert with_statement not in positions._computed and body_call not in positions._computed
    assert id(with_statement) in positions._partial and id(with_statement) not in positions._done
    item = with_statement.items[0]
    assert positions[item] == full[item]
    assert id(with_statement) in positions._done and positions[with_statement] == full[with_statement]
