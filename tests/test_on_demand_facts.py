"""The project pass reads class-graph facts on demand (leaklint.facts.on_demand).

The class graph reads each file's facts once from its packed result and keeps only what it
indexes; function summaries wait in a store that holds a budget of them in memory and spills the
rest. Whatever is spilled and read back, the findings must be those of facts held in memory.
"""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any, List

import pytest

from leaklint import runner
from leaklint.analysis.class_graph import ClassFacts, ClassGraph
from leaklint.config import Settings
from leaklint.facts import on_demand
from leaklint.facts.on_demand import FactsByPath, SummaryStore
from leaklint.facts.records import SummaryRecord, compact_summary
from leaklint.spool import PackedFacts, Spool

FIXTURES = Path(__file__).parent / "fixtures"

# A class whose __init__ (in another module) stores the object that makes it, its subclass made
# and kept by a holder in a third module, and a class with __del__ whose base lives elsewhere.
_PROJECT = {
    "pkg/__init__.py": "",
    "pkg/base.py": (
        "class Base:\n"
        "    def __init__(self, parent):\n"
        "        self.parent = parent\n"
        "\n"
        "\n"
        "class Closing:\n"
        "    def __del__(self):\n"
        "        print('bye')\n"
    ),
    "pkg/node.py": (
        "from pkg.base import Base, Closing\n"
        "\n"
        "\n"
        "class Node(Base, Closing):\n"
        "    def describe(self):\n"
        "        return repr(self.parent)\n"
    ),
    "pkg/tree.py": (
        "from pkg.node import Node\n"
        "\n"
        "\n"
        "class Tree:\n"
        "    def __init__(self):\n"
        "        self.children = []\n"
        "\n"
        "    def add(self):\n"
        "        node = Node(self)\n"
        "        self.children.append(node)\n"
        "        return node\n"
    ),
}


def _project(tmp_path: Path) -> List[str]:
    for name, text in _PROJECT.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    fixtures = sorted(str(p) for code in ("LKL101", "LKL102") for p in (FIXTURES / code).rglob("*.py"))
    return sorted(str(tmp_path / name) for name in _PROJECT) + fixtures


def _findings(report: runner.Report) -> List[Any]:
    return [(f.path, f.line, f.column, f.code, f.message, f.confidence) for f in report.findings]


def test_findings_are_the_same_with_summaries_spilled_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A multi-module project (bases and ``__init__`` in other modules) plus the cycle rules'
    fixtures: every summary held in memory, then one summary per chunk and one chunk in memory
    (every other read back from the temporary file): the same findings, in the same order."""
    paths = _project(tmp_path)
    settings = Settings()
    stores: List[SummaryStore] = []
    original = SummaryStore.finish

    def finish(self: SummaryStore) -> None:
        original(self)
        stores.append(self)

    monkeypatch.setattr(SummaryStore, "finish", finish)
    monkeypatch.setattr(on_demand, "RESIDENT_BUDGET", 10**9)
    held = _findings(runner.lint_files(paths, settings, jobs=1))
    assert stores and stores[-1].reads == 0
    monkeypatch.setattr(on_demand, "RESIDENT_BUDGET", 1)
    monkeypatch.setattr(on_demand, "SPILL_ABOVE", 1)
    monkeypatch.setattr(on_demand, "CHUNK", 1)
    monkeypatch.setattr(on_demand, "RECENT", 1)
    spilled = _findings(runner.lint_files(paths, settings, jobs=1))
    assert stores[-1].reads > 0 and stores[-1].resident <= 1
    assert spilled == held
    tree = str(tmp_path / "pkg" / "tree.py")
    base = str(tmp_path / "pkg" / "base.py")
    # The cycle through a base class's __init__ in another module is found either way.
    assert any(f[0] in (tree, base) and f[3] == "LKL101" for f in held)
    assert any(f[3] == "LKL102" for f in held)


def test_the_class_graph_keeps_no_file_facts(tmp_path: Path) -> None:
    """Built from packed results, the class graph reads each file's facts once and keeps none of
    the objects it read (its indexes hold classes and edges; summaries are in the store)."""
    paths = _project(tmp_path)
    settings = Settings()
    read: List["weakref.ref[ClassFacts]"] = []
    with Spool() as spool:
        results = []
        for path in paths:
            result, _ = runner.lint_file(path, settings)
            assert result is not None
            packed = runner.PackedResult.of(result).spooled(spool).without_findings()
            results.append(packed)
        assert all(isinstance(r.facts, PackedFacts) for r in results)
        facts = FactsByPath(results, "LKL101")
        original = PackedFacts.peek

        def peek(self: PackedFacts, code: str, *streamed: Any) -> Any:
            value = original(self, code, *streamed)
            if value is not None:
                read.append(weakref.ref(value))
            return value

        PackedFacts.peek = peek  # type: ignore[method-assign]
        try:
            graph = ClassGraph(facts)
        finally:
            PackedFacts.peek = original  # type: ignore[method-assign]
        gc.collect()
        assert len(read) == len(facts) >= len(_PROJECT) - 1  # each file read once
        assert all(ref() is None for ref in read)  # and none of them kept
        assert all(not r.facts._live for r in results)  # type: ignore[attr-defined]
        assert "pkg.node.Node" in graph.classes and graph.summaries.resident > 0


def _summary(name: str, cls: str = "") -> SummaryRecord:
    return compact_summary({
        "name": name, "cls": cls, "self": "self" if cls else "", "kind": "method" if cls else "function",
        "params": ["self", "x"] if cls else ["x"], "kwonly": [],
        "holds": [["self", "x", "x", "ref", 3, 1, "t", [], False]],
        "calls": [], "returns": [], "breaks": [], "allocations": [["a.B", False]], "types": {"x": ["a.B"]}, "line": 3,
    })


def test_summary_store_spills_reads_back_and_keeps_the_first_definition(monkeypatch: pytest.MonkeyPatch) -> None:
    store = SummaryStore(budget=3, chunk=2, spill_above=4)
    first = [_summary("m.f"), _summary("m.C.g", "m.C"), _summary("m.h")]
    second = [_summary("n.f"), _summary("m.f")]  # a name already defined in an earlier path
    store.add("m.py", first)
    assert store.resident == 3 and store.reads == 0  # under ``spill_above``: all in memory
    store.add("n.py", second)
    assert store.resident == 3 and store.reads == 0  # over it: the first 3 stay, n.py is written out
    store.rename("n.py", lambda s: compact_summary({**dict(s), "name": s["name"].replace("n.", "renamed.")}))
    store.finish()
    assert store.resident <= 3
    scopes = list(store.scopes())
    assert [(p, s["name"]) for p, s in scopes] == [
        ("m.py", "m.f"), ("m.py", "m.C.g"), ("m.py", "m.h"), ("n.py", "renamed.f"), ("n.py", "m.f")]
    assert all(type(s) is SummaryRecord for _p, s in scopes)
    assert [s for _p, s in scopes][:3] == first  # equal after a round trip through the file
    functions = store.functions()
    assert "m.f" in functions and "n.f" not in functions and "renamed.f" in functions
    assert functions["m.f"][0] == "m.py"  # the first path in order answers
    assert functions.get("nothing") is None
    assert functions["m.C.g"][1]["types"] == {"x": ("a.B",)}
    assert store.reads > 0
    assert list(store) == ["m.py", "n.py"] and [s["name"] for s in store["n.py"]] == ["renamed.f", "m.f"]
    store.close()


def test_the_name_index_holds_one_int_per_name_and_answers_the_first_definition() -> None:
    """The store's index of function names keeps a number per name (chunk and position), not a
    (path, chunk, position) tuple: hundreds of thousands of names on a sweep. Lookups still give
    the first definition in path order, resident or spilled."""
    from leaklint.facts.on_demand import SummaryStore

    store = SummaryStore(budget=4, chunk=3, spill_above=4)
    for file_number in range(5):
        path = f"pkg/m{file_number}.py"
        store.add(path, [{"name": f"m{file_number}.f{index}", "line": index} for index in range(7)]
                  + [{"name": "shared.helper", "line": 100 + file_number}])
    store.finish()
    assert all(type(located) is int for located in store._index.values())
    assert len(store._index) == 5 * 7 + 1
    assert store.summary("shared.helper") == ("pkg/m0.py", {"name": "shared.helper", "line": 100})
    assert store.summary("m4.f6") == ("pkg/m4.py", {"name": "m4.f6", "line": 6})
    assert store.summary("m0.f1") == ("pkg/m0.py", {"name": "m0.f1", "line": 1})
    assert store.summary("missing") is None
    assert store.reads > 0  # m4's summaries were spilled and read back
    store.close()


def test_a_renamed_files_original_facts_go_as_the_graph_indexes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Same-named modules (a package installed twice) are renamed to project identities, which
    copies their class entries; each file's original facts are let go as soon as the graph has
    indexed that file, not kept until every file is indexed."""
    from leaklint.analysis import class_graph
    from leaklint.analysis.class_graph import ClassInfo, Edge
    from leaklint.rule import Location

    paths = [f"/site{n}/pkg/node.py" for n in range(4)]

    def fresh(path: str) -> ClassFacts:
        here = Location(3, 5, 3, 20)
        return ClassFacts(
            "pkg.node",
            classes=[ClassInfo("pkg.node.Node", methods={"__init__"}), ClassInfo("pkg.node.Tree")],
            edges=[Edge("pkg.node.Node", "tree", "pkg.node.Tree", False, "ref", here, "self.tree = tree")],
        )

    class Fresh(dict):  # every read makes the file's facts anew, as FactsByPath does
        def items(self):  # type: ignore[override]
            for path in paths:
                yield path, fresh(path)

    originals: List["weakref.ref[ClassFacts]"] = []
    alive_at_each_rename: List[int] = []
    renamed = class_graph._renamed

    def watch(facts: ClassFacts, rename: Any) -> ClassFacts:
        gc.collect()
        alive_at_each_rename.append(sum(ref() is not None for ref in originals))
        originals.append(weakref.ref(facts))
        return renamed(facts, rename)

    monkeypatch.setattr(class_graph, "_renamed", watch)
    graph = ClassGraph(Fresh({path: None for path in paths}))
    assert len(alive_at_each_rename) == len(paths)
    assert alive_at_each_rename == [0] * len(paths)  # the previous file's originals already gone
    assert len(graph.classes) == 2 * len(paths)  # each copy of the module has its own classes
