"""The class reference graph: resolution, SCCs, scale, and the `leaklint graph` picture."""

from __future__ import annotations

import time

import pytest
from pathlib import Path

from leaklint import lint_source
from leaklint.analysis.class_graph import ClassFacts, ClassGraph, ClassInfo, Edge, OWNED
from leaklint.config import Settings
from leaklint.graph import render_graph
from leaklint.rule import Location

FIXTURES = Path(__file__).resolve().parent / "fixtures"
HERE = Location(1, 1, 1, 1)

PERSON = '''\
class Person(object):
    def __init__(self, name: str = ""):
        self._name = name
        self._best_friend = None
    @property
    def best_friend(self):
        return self._best_friend
    @best_friend.setter
    def best_friend(self, friend: "Person"):
        self._best_friend = friend
    def __del__(self):
        print(f"{self._name} is being freed")

def mem_leak():
    zhang_san = Person(name="zhang san")
    li_si = Person("li si")
    li_si.best_friend = zhang_san
    zhang_san.best_friend = li_si
'''


def test_person_seed_gives_lkl102_at_del_and_lkl101_at_the_mutual_assignment() -> None:
    found = {(f.line, f.code) for f in lint_source(PERSON, "person.py") if f.code.startswith("LKL10")}
    assert found == {(11, "LKL102"), (18, "LKL101")}


def test_person_seed_with_weak_setter_is_clean() -> None:
    source = "import weakref\n" + PERSON.replace("self._best_friend = friend", "self._best_friend = weakref.ref(friend)")
    assert [f for f in lint_source(source, "person.py") if f.code.startswith("LKL10")] == []


def _chain_facts(count: int) -> ClassFacts:
    """C0 -> C1 -> ... -> C(n-1) -> C0: one big component."""
    facts = ClassFacts("m")
    for index in range(count):
        facts.classes.append(ClassInfo(f"m.C{index}"))
        facts.edges.append(Edge(f"m.C{index}", "next", f"m.C{(index + 1) % count}", False, OWNED, HERE, "x"))
    return facts


@pytest.mark.parametrize("count", [50_000, pytest.param(200_000, marks=pytest.mark.slow)])
def test_tarjan_is_iterative_and_near_linear(count: int) -> None:
    # One component of 50,000 classes (200,000 in the slow run): deeper than any recursion
    # limit, and a quadratic algorithm would take hours. Wall-clock ratios are too noisy on a
    # shared machine.
    graph = ClassGraph({"m.py": _chain_facts(count)})
    start = time.perf_counter()
    components = graph.components()
    assert [len(c) for c in components] == [count]
    assert time.perf_counter() - start < 20


def test_unrelated_classes_with_one_name_do_not_merge() -> None:
    graph = ClassGraph({})
    report = [f for f in lint_source("class Node:\n    pass\n", "x.py") if f.code.startswith("LKL10")]
    assert report == [] and graph.components() == []


def test_render_graph_dot_and_mermaid() -> None:
    folder = FIXTURES / "LKL102"
    settings = Settings(root=str(folder))
    dot = render_graph([str(folder)], settings)
    assert dot.startswith("digraph leaklint_cycles {")
    assert "plugins_host_Plugin -> plugins_host_Host [label=\"host\"];" in dot
    assert "plugins_host_Host -> plugins_host_Plugin [label=\"plugins\"];" in dot
    assert "(__del__)" in dot  # Plugin inherits Closeable.__del__
    assert "Session" not in dot and "Buffer" not in dot  # no cycle through them
    mermaid = render_graph([str(folder)], settings, "mermaid")
    assert mermaid.startswith("graph LR")
    assert "plugins_host_Plugin -->|host| plugins_host_Host" in mermaid
    assert "class " in mermaid and "finalizer" in mermaid


def test_render_graph_draws_weak_edges_dashed(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "import weakref\n\n\nclass Tree:\n    def __init__(self):\n        self.root = Node(self)\n"
        "        self.cache = Node(self)\n\n\n"
        "class Node:\n    def __init__(self, tree: 'Tree'):\n        self.tree = tree\n"
        "        self.owner: 'Tree' = weakref.proxy(tree)\n"
    )
    dot = render_graph([str(tmp_path)], Settings(root=str(tmp_path)))
    assert 'm_Node -> m_Tree [label="tree"];' in dot
    assert 'm_Node -> m_Tree [label="owner", style=dashed' in dot


def test_render_graph_rejects_unknown_format(tmp_path: Path) -> None:
    try:
        render_graph([str(tmp_path)], Settings(root=str(tmp_path)), "svg")
    except ValueError as error:
        assert "svg" in str(error)
    else:  # pragma: no cover
        raise AssertionError("expected ValueError")


def test_graph_subcommand(tmp_path: Path) -> None:
    """`leaklint graph --format mermaid` through the CLI (once the CLI has the subcommand)."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("leaklint.cli") is None:
        pytest.skip("this branch has no CLI yet")
    import leaklint.cli as cli

    if "graph" not in getattr(cli, "COMMANDS", ()):
        pytest.skip("the CLI has no graph subcommand")
    folder = FIXTURES / "LKL102"
    done = subprocess.run(
        [sys.executable, "-m", "leaklint", "graph", str(folder), "--format", "mermaid"],
        capture_output=True, text=True, cwd=str(tmp_path), timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("graph LR")
    assert "-->|host|" in done.stdout


def test_nodes_by_scope_matches_walk_scope() -> None:
    import libcst as cst

    from leaklint.analysis.walk import nodes_by_scope, walk, walk_scope

    module = cst.parse_module(
        "import os\nx = [i for i in range(3)]\n\nclass A:\n    y = 1\n    def f(self, a=lambda: 1):\n"
        "        def g():\n            return self\n        return g\n\nasync def h():\n    await h()\n"
    )
    every: list = []
    scopes = nodes_by_scope(module, every)
    assert every == list(walk(module))
    roots = [n for n in walk(module) if isinstance(n, (cst.FunctionDef, cst.Lambda, cst.ClassDef))] + [module]
    assert set(scopes) == {id(n) for n in roots}
    for root in roots:
        assert scopes[id(root)] == list(walk_scope(root))
