"""Engine shortcuts that must not change results: trigger names, per-statement positions, the
tree index that rules re-walk subtrees through."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import List

import libcst as cst
import pytest

from leaklint.analysis.positions import compute_positions
from leaklint.analysis.walk import walk
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


TRICKY = """\
import os

@decorate(lambda: [x for x in y])
class A(Base, metaclass=lambda *a: type(*a)):
    y = {k: v for k, v in z}

    def f(self, a=lambda b=lambda: 1: b, *, c: "A" = None) -> "A":
        def g():
            class Inner:
                def h(self):
                    return [lambda: self for _ in range(3)]
            return Inner
        try:
            pass
        except Exception as error:
            handler = lambda: error
        return g

async def top():
    async with x as y:
        await y
    return (lambda: (yield))
"""


class WalksInsideTheWalk(Rule):
    """Compares the walks with their uncached versions from visit and leave handlers and once the
    walk has finished, and records the order of handler calls (a test rule, not registered)."""

    code = "LKL991"
    name = "test-walks"
    message = "test"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.functions: list = []
        self.events: list = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node)
        self.events.append(f"visit {node.name.value}")
        _assert_walks_match(node)
        _assert_walks_match(self.context.module)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.events.append(f"leave {node.name.value}")
        _assert_walks_match(node)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == "error":
            self.events.append("error")

    def leave_Module(self, node: cst.Module) -> None:
        self.events.append("leave module")

    def file_facts(self) -> list:
        for function in self.functions:
            _assert_walks_match(function)
            _assert_walks_match(function.body)
        return self.events

    project_scope = True


def _assert_walks_match(root: cst.CSTNode) -> None:
    from leaklint.analysis import walk

    assert [id(n) for n in walk.walk(root)] == [id(n) for n in walk._plain_walk(root)]
    assert [id(n) for n in walk.walk_scope(root)] == [id(n) for n in walk._plain_walk_scope(root)]
    assert list(walk.children(root)) == walk._computed_children(root)
    for node_type in (cst.ClassDef, cst.FunctionDef, cst.Lambda, cst.Name, cst.Assign):
        plain = [id(n) for n in walk._plain_walk(root) if isinstance(n, node_type)]
        assert [id(n) for n in walk.walk_type(root, node_type)] == plain


def _source_files() -> list:
    import json
    import typing

    files = [typing.__file__, json.__file__, os.__file__]
    return [Path(path).read_text(encoding="utf-8") for path in files] + [TRICKY]


def test_tree_index_answers_exactly_like_the_plain_walks() -> None:
    """Rules re-walk subtrees through the engine's index of its one walk: same nodes, same order."""
    from leaklint.analysis import walk

    for source in _source_files():
        module = cst.parse_module(source)
        parents: dict = {}
        index = walk.TreeIndex.build(module, parents)
        assert [id(n) for n in index.order] == [id(n) for n in walk._plain_walk(module)]
        assert len(parents) == len(index.order) - 1
        assert all(parents[id(child)] is node for node in index.order for child in walk._computed_children(node))
        plain_scopes = walk._plain_nodes_by_scope(module)
        with walk.indexed(index):
            every: list = []
            scopes = walk.nodes_by_scope(module, every)
            assert every == index.order
            assert scopes.keys() == plain_scopes.keys()
            for key, members in plain_scopes.items():
                assert [id(n) for n in scopes[key]] == [id(n) for n in members]
            for node in index.order:
                _assert_walks_match(node)
        assert walk.active_index() is None


def test_walks_from_rules_match_during_and_after_the_walk() -> None:
    from leaklint.analysis.walk import active_index

    analysis = analyze_source(TRICKY, "t.py", [WalksInsideTheWalk], {})
    assert analysis.result.findings == []  # no LKL002: every assert held
    assert analysis.result.facts["LKL991"] == [
        "visit f", "visit g", "visit h", "leave h", "leave g", "error", "error", "leave f",
        "visit top", "leave top", "leave module",
    ]
    assert active_index() is None


def test_statement_types_are_libcst_statement_classes() -> None:
    from leaklint.analysis.statement_lines import STATEMENT_TYPES

    expected = {
        value for value in vars(cst).values()
        if isinstance(value, type) and issubclass(value, (cst.BaseSmallStatement, cst.BaseCompoundStatement))
    }
    assert STATEMENT_TYPES == expected


def _node_classes() -> List[type]:
    found = {cst.CSTNode}
    pending: List[type] = [cst.CSTNode]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in found:
                found.add(subclass)
                pending.append(subclass)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def test_node_type_checks_answer_as_abcmeta_does() -> None:
    """libcst's node classes get ``type``'s plain isinstance (ABCMeta's costs five times as
    much): every answer must stay the one ABCMeta gives, and abstract classes stay abstract."""
    import abc

    import leaklint.analysis.walk  # noqa: F401 - installs the plain checks

    classes = _node_classes()
    assert type(cst.Name) is not abc.ABCMeta and isinstance(cst.Name, abc.ABCMeta)
    for base in classes:
        for klass in classes:
            assert issubclass(klass, base) == abc.ABCMeta.__subclasscheck__(base, klass), (klass, base)
    nodes = list(walk(cst.parse_module(SOURCE)))
    for base in classes:
        for node in nodes:
            assert isinstance(node, base) == abc.ABCMeta.__instancecheck__(base, node)
    assert not isinstance("x", cst.CSTNode) and not isinstance(None, cst.BaseExpression)
    with pytest.raises(TypeError):
        cst.BaseExpression()  # type: ignore[abstract]


@pytest.mark.parametrize("first", ["x = 1", "x = 'ÿ'"], ids=["ascii", "non-ascii-line-before"])
def test_statement_lines_count_code_points_on_ascii_and_other_lines(first: str) -> None:
    from leaklint.analysis.context import FileContext
    from leaklint.analysis.statement_lines import statement_lines
    from leaklint.analysis.walk import TreeIndex

    source = f"{first}\nclass Ä:\n    def f(self):\n        self.ß = 'ÿ'; self.b = (1,\n  2)\n        self.c = 3  # c\n"
    module = cst.parse_module(source)
    context = FileContext("t.py", source, module, "t", False)
    TreeIndex.build(module, context.parents)
    lines = statement_lines(context)
    stores = [n for n in walk(module) if isinstance(n, cst.Assign)][1:]
    assert [lines.text(n) for n in stores] == ["self.ß = 'ÿ'", "self.b = (1,", "self.c = 3"]
    # Start columns in code points; end columns as ``ast`` gives them (UTF-8 bytes, plus one).
    where = [lines.location(n) for n in stores]
    assert [(w.line, w.column, w.end_line, w.end_column) for w in where] == [(4, 9, 4, 23), (4, 23, 5, 5), (6, 9, 6, 19)]


def test_trusted_parse_skips_validation_only_while_it_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from leaklint.analysis import trusted_parse

    checked: List[str] = []
    original = cst.Name._validate
    monkeypatch.setattr(cst.Name, "_validate", lambda self: (checked.append(self.value), original(self))[1])
    trusted = trusted_parse.parse_module(SOURCE)
    assert checked == []
    validated = cst.parse_module(SOURCE)
    assert "socket" in checked
    assert trusted.code == SOURCE and trusted.deep_equals(validated)
    # Nodes built by hand (fixes) are still checked, on this thread and on others.
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")
    errors: List[BaseException] = []

    def build() -> None:
        try:
            cst.Name("not a name")
        except cst.CSTValidationError as error:
            errors.append(error)

    thread = threading.Thread(target=build)
    thread.start()
    thread.join()
    assert len(errors) == 1


class _CountsNames(Rule):
    """Counts Name nodes from an inherited handler, and Call nodes from its own (test rule)."""

    code = "LKL993"
    name = "test-counts-names"
    message = "test"

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self.names = 0

    def visit_Name(self, node: cst.Name) -> None:
        self.names += 1


class _CountsCallsToo(_CountsNames):
    code = "LKL994"
    name = "test-counts-calls-too"

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.calls = 0

    def visit_Call(self, node: cst.Call) -> None:
        self.calls += 1


class _Breaks(Rule):
    code = "LKL995"
    name = "test-breaks"
    message = "test"

    def visit_Name(self, node: cst.Name) -> None:
        raise ValueError("broken on purpose")


def test_handler_tables_per_rule_set_reach_every_handler_and_drop_a_failing_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dispatcher keeps one handler table per rule set: files with different rule sets in one
    process, inherited handlers, and a rule that raises (dropped, the others go on)."""
    from leaklint import engine

    made: List[Rule] = []
    for cls in (_CountsNames, _CountsCallsToo):
        monkeypatch.setattr(cls, "__init__", _recording(cls.__init__, made))
    source = "x = f(y)\nz = g(x, y)\n"  # 7 names, 2 calls
    for rules in ([_CountsNames], [_CountsCallsToo, _CountsNames], [_Breaks, _CountsCallsToo], [_CountsNames]):
        made.clear()
        result = analyze_source(source, "t.py", rules, {}).result
        for rule in made:
            assert rule.names == 7
            if isinstance(rule, _CountsCallsToo):
                assert rule.calls == 2
        assert len(made) == sum(r is not _Breaks for r in rules)
        assert [f.code for f in result.findings] == (["LKL002"] if _Breaks in rules else [])
    assert engine._handler_names(_CountsCallsToo) >= {"visit_Name", "visit_Call"}


def _recording(init, made):  # type: ignore[no-untyped-def]
    def recorded(self, *args):  # type: ignore[no-untyped-def]
        init(self, *args)
        if all(rule is not self for rule in made):  # a subclass's __init__ runs its base's too
            made.append(self)

    return recorded
