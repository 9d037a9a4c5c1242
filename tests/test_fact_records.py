"""Cross-file facts are kept as compact records once a file is checked (leaklint.facts.records).

The records must say exactly what the dicts of lists said: they read the same through every
access the project pass uses, survive pickling (workers) and the cache's JSON, and the findings
of a project are the same with and without them, for files checked whole and in segments.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any, List, Tuple

import pytest

import leaklint.engine as engine
from leaklint import cachecodec
from leaklint.config import Settings
from leaklint.facts.records import SUMMARY_KEYS, SummaryRecord, compact_facts, compact_summary
from leaklint.rule import PROFILE_KEY
from leaklint.runner import lint_file, lint_files

FIXTURES = Path(__file__).parent / "fixtures"

_SUMMARY = {
    "name": "pkg.m.Tree.__init__", "cls": "pkg.m.Tree", "self": "self", "kind": "init",
    "params": ["self", "size"], "kwonly": [], "holds": [["self", "children", "#1", "ref", 5, 9, "self.children = [Node(self)]", [[3, True]], False]],
    "calls": [["#1", ["new", "pkg.m.Node"], [[0, "self", "ref"]], 5, 25, "Node(self)", [], True]],
    "returns": [], "breaks": [["self", "children", 9, "finally"]], "allocations": [["pkg.m.Node", True]],
    "roots": [], "self_calls": ["close"], "types": {"child": ["pkg.m.Node"]}, "line": 4,
}


def _as_tuples(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_as_tuples(item) for item in value)
    if isinstance(value, dict):
        return {key: _as_tuples(item) for key, item in value.items()}
    return value


def test_a_record_reads_as_the_summary_it_was_made_from() -> None:
    record = compact_summary(_SUMMARY)
    assert type(record) is SummaryRecord
    for key in SUMMARY_KEYS:
        assert record[key] == _as_tuples(_SUMMARY[key]), key
        assert record.get(key) == record[key]
    assert record.get("missing", "default") == "default"
    with pytest.raises(KeyError):
        record["missing"]  # noqa: B018 - the lookup is the test
    assert "calls" in record and "missing" not in record
    assert dict(record) == {key: _as_tuples(value) for key, value in _SUMMARY.items()}
    assert {**record}.keys() == _SUMMARY.keys()
    # Indexing and unpacking an entry, as the flow graph reads them.
    result, callee, args, *_rest = record["calls"][0]
    assert (result, callee[0], callee[1], args[0][1]) == ("#1", "new", "pkg.m.Node", "self")
    assert compact_summary(record) is record


def test_a_summary_without_the_optional_keys_reads_them_as_empty() -> None:
    written = {key: value for key, value in _SUMMARY.items() if key not in ("roots", "self_calls")}
    record = compact_summary(written)
    assert record["roots"] == () and record.get("self_calls", None) == ()
    assert list(record.get("roots", ())) == list(written.get("roots", ()))


def test_records_survive_pickling_and_the_cache_codec() -> None:
    record = compact_summary(_SUMMARY)
    assert pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)) == record
    payload = json.dumps(cachecodec.encode_value(record)).encode()
    decoded = cachecodec.loads(payload)
    assert type(decoded) is SummaryRecord
    assert _as_tuples(dict(decoded)) == dict(record)


def _project(paths: List[str], settings: Settings) -> List[Tuple[Any, ...]]:
    report = lint_files(paths, settings, jobs=1)
    assert not report.problems
    return [(f.path, f.line, f.column, f.code, f.message, f.related) for f in report.findings]


# Fixture folders whose findings come from the project pass (class graph and flow graph facts).
_PROJECT_FIXTURES = ("LKL101", "LKL102", "LKL103", "LKL104", "LKL105", "LKL110")


def test_findings_are_the_same_with_and_without_compact_records(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted(str(p) for code in _PROJECT_FIXTURES for p in (FIXTURES / code).rglob("*.py"))
    assert len(paths) > 20
    settings = Settings()
    compacted = _project(paths, settings)
    monkeypatch.setattr(engine, "compact_facts", lambda facts: facts)
    as_dicts = _project(paths, settings)
    assert compacted == as_dicts
    assert any(code.startswith("LKL10") for _p, _l, _c, code, _m, _r in compacted)


def test_a_segmented_module_merges_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = []
    for i in range(120):
        blocks.append(
            f"class Tree{i}:\n    def __init__(self):\n        self.children = []\n\n"
            f"    def add(self):\n        child = Node{i}(self)\n        self.children.append(child)\n        return child\n\n\n"
            f"class Node{i}:\n    def __init__(self, parent):\n        self.parent = parent\n        self.data = bytearray(64)\n\n\n"
        )
    module = tmp_path / "generated.py"
    module.write_text("".join(blocks))
    settings = Settings(segment_size=16384)
    result, _ = lint_file(str(module), settings)
    assert result is not None
    summaries = result.facts["LKL101"].summaries
    assert summaries and all(type(summary) is SummaryRecord for summary in summaries)
    compacted = _project([str(module)], settings)
    monkeypatch.setattr(engine, "compact_facts", lambda facts: facts)
    result, _ = lint_file(str(module), settings)
    assert result is not None and all(type(s) is dict for s in result.facts["LKL101"].summaries)
    assert _project([str(module)], settings) == compacted
    assert len([f for f in compacted if f[3] in ("LKL101", "LKL102")]) >= 100


def test_compact_facts_leaves_other_facts_alone() -> None:
    facts = {"calls": [["a", 1]]}
    assert compact_facts(facts) is facts and facts == {"calls": [["a", 1]]}


def test_packed_results_give_the_findings_live_ones_give(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a cache, workers send results packed and findings are rebuilt after the project
    pass; with one (a cold cache), results stay live. Same findings, in the same order."""
    from leaklint import runner
    from leaklint.cache import Cache

    paths = sorted(str(p) for code in ("LKL101", "LKL104", "LKL301") for p in (FIXTURES / code).rglob("*.py"))
    monkeypatch.setattr(runner, "_POOL_MIN_BYTES", 0)  # a pool even for a few small files
    settings = Settings()
    packed = runner.lint_files(paths, settings, jobs=2)
    live = runner.lint_files(paths, settings, jobs=2, cache=Cache(tmp_path / "cache", settings, key=b"k" * 32))
    assert packed.findings == live.findings
    assert len({f.code for f in packed.findings}) >= 3


def test_deferred_segment_facts_merge_to_the_facts_merged_at_once(tmp_path: Path) -> None:
    """The runner keeps a segmented file's facts packed until the project pass; expanded, they
    are exactly what analyze_source merges for every other caller."""
    from leaklint.segments import DeferredFacts, expand_facts

    blocks = [
        f"class Tree{i}:\n    def add(self):\n        child = Node{i}(self)\n        self.children = [child]\n\n\n"
        f"class Node{i}:\n    def __init__(self, parent):\n        self.parent = parent\n\n\n"
        for i in range(150)
    ]
    module = tmp_path / "generated.py"
    module.write_text("import threading\n\n\n" + "".join(blocks))
    settings = Settings(segment_size=16384)
    deferred, _ = lint_file(str(module), settings, defer_segment_facts=True)
    merged, _ = lint_file(str(module), settings)
    assert deferred is not None and merged is not None
    handles = {id(value) for value in deferred.facts.values()}
    assert len(handles) == 1 and all(type(value) is DeferredFacts for value in deferred.facts.values())
    # Through a pickle, as from a worker.
    expand_facts(pickle.loads(pickle.dumps(deferred)))
    expand_facts(deferred)
    assert list(deferred.facts) == list(merged.facts)
    assert repr(deferred.facts) == repr(merged.facts)
    assert deferred.facts["LKL101"] is deferred.facts["LKL102"]  # one class graph for both rules
    assert deferred.findings == merged.findings


def test_renaming_for_same_named_modules_copies_only_what_changes(tmp_path: Path) -> None:
    """Two folders with an ``x`` module: every file is renamed, but a file whose names do not
    change keeps its facts objects (no second copy for the project pass), and a renamed one gets
    compact records with the renamed names; the project's findings are those the copies gave."""
    from leaklint.analysis.class_graph import _renamed
    from leaklint.flow.identity import renamers

    cycle = (
        "class Tree:\n    def __init__(self):\n        self.children = []\n\n"
        "    def add(self):\n        child = Node(self)\n        self.children.append(child)\n        return child\n\n\n"
        "class Node:\n    def __init__(self, parent: Tree):\n        self.parent = parent\n"
    )
    paths = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.py").write_text(cycle)
        paths.append(tmp_path / folder / "x.py")
    (tmp_path / "b" / "other.py").write_text(cycle.replace("Tree", "Forest").replace("Node", "Leaf"))
    paths.append(tmp_path / "b" / "other.py")
    settings = Settings()
    results = [lint_file(str(path), settings)[0] for path in paths]
    facts = {r.path: r.facts["LKL101"] for r in results if r is not None}
    rename = renamers({path: item.module for path, item in facts.items()})
    assert set(rename) == set(facts)
    other = facts[str(paths[2])]
    assert _renamed(other, rename[str(paths[2])]) is other  # nothing of it names an `x`
    first = facts[str(paths[0])]
    renamed = _renamed(first, rename[str(paths[0])])
    assert renamed is not first and renamed.module != first.module
    assert {c.name for c in renamed.classes} == {rename[str(paths[0])](c.name) for c in first.classes}
    assert renamed.summaries and all(type(s) is SummaryRecord for s in renamed.summaries)
    assert {s["name"] for s in renamed.summaries} == {rename[str(paths[0])](s["name"]) for s in first.summaries}
    # the strict profile: this tree is a low-confidence cycle, which the default profile drops
    strict = {PROFILE_KEY: {"profile": "strict"}}
    produced = engine.project_findings([r for r in results if r is not None], settings.rules(), strict)
    cycles = {(Path(f.path).relative_to(tmp_path).as_posix(), f.line) for code, f in produced if code == "LKL101"}
    assert {path for path, _ in cycles} == {"a/x.py", "b/x.py", "b/other.py"}
    # Each x module's cycle is its own: the same lines in both, not one shared pair of classes.
    assert {line for path, line in cycles if path == "a/x.py"} == {line for path, line in cycles if path == "b/x.py"}


def test_renamer_takes_the_longest_clashing_module_prefix() -> None:
    """The renamer looks a name's dotted prefixes up instead of scanning every clashing module:
    the same answers as the scan, longest module first, on names built from module parts."""
    import random
    from pathlib import PurePath

    from leaklint.flow import identity

    modules = ["a", "a.b", "a.b.c", "x", "x.y", "pkg.m", "a..b", "q.r.s.t"]
    identities = {m: {PurePath("r1"): f"r1/{m}"} for m in modules}
    ordered = sorted(modules, key=len, reverse=True)

    def scanned(root: PurePath, name: str) -> str:
        for module in ordered:
            if name == module or name.startswith(module + "."):
                twin = identities[module].get(root)
                return (twin or f"<unresolved>/{module}") + name[len(module):]
        return name

    parts = ["a", "b", "c", "x", "y", "pkg", "m", "", "q", "r", "s", "t", "ab"]
    chooser = random.Random(1)
    for root in (PurePath("r1"), PurePath("r2")):
        rename = identity._renamer(root, ordered, identities)
        for _ in range(5000):
            name = ".".join(chooser.choice(parts) for _ in range(chooser.randint(1, 5)))
            assert rename(name) == scanned(root, name), name
    assert identity._renamer(PurePath("r1"), ordered, identities)("a.b.c.D") == "r1/a.b.c.D"


def test_empty_class_sets_share_one_object_and_full_ones_stay(tmp_path: Path) -> None:
    """A class entry's empty sets (``released`` too: empty for most classes) are one shared
    frozenset once compacted, so 10,000 plain classes do not carry 10,000 empty sets each; a set
    with something in it is left as it is."""
    from leaklint.analysis.class_graph import ClassInfo

    plain = [ClassInfo(f"m.C{index}", methods={"run"}) for index in range(3)]
    closing = ClassInfo("m.Closing", methods={"close"}, released={"sock", "@sock"})
    facts = type("Facts", (), {})()
    facts.classes = plain + [closing]
    compact_facts(facts)
    for field_name in ("released", "weak_attrs", "attrs"):
        assert len({id(getattr(info, field_name)) for info in plain}) == 1
        assert not getattr(plain[0], field_name)
    assert set(plain[0].methods) == {"run"} and plain[0].methods is not plain[1].methods
    assert set(closing.released) == {"sock", "@sock"}
    # Through a real check: what the project pass reads says the same.
    module = tmp_path / "m.py"
    module.write_text(
        "class Plain:\n    def run(self):\n        return 1\n\n\n"
        "class Closing:\n    def __init__(self, sock):\n        self.sock = sock\n\n"
        "    def close(self):\n        self.sock.close()\n"
    )
    result, _ = lint_file(str(module), Settings())
    assert result is not None
    infos = {info.name.rsplit(".", 1)[-1]: info for info in result.facts["LKL101"].classes}
    assert type(infos["Plain"].released) is frozenset and not infos["Plain"].released
    assert "sock" in infos["Closing"].released


def test_small_class_sets_become_tuples_and_large_ones_stay_sets() -> None:
    """A compacted class entry keeps a small set of names as a tuple (what its readers ask, ``in``
    and iteration, answers the same) and a large one as a set, so ``in`` stays a lookup."""
    from leaklint.analysis.class_graph import ClassInfo
    from leaklint.facts import records

    small_names = {"run", "close", "__init__"}
    large_names = {f"m{index}" for index in range(records._TUPLE_SET_MAX + 1)}
    info = ClassInfo("m.C", methods=set(small_names), attrs=set(large_names), weak_attrs={"cache"})
    facts = type("Facts", (), {})()
    facts.classes = [info]
    compact_facts(facts)
    assert type(info.methods) is tuple and sorted(info.methods) == sorted(small_names)
    assert type(info.weak_attrs) is tuple and info.weak_attrs == ("cache",)
    assert type(info.attrs) is set and info.attrs == large_names
    assert "close" in info.methods and "open" not in info.methods
    assert type(info.released) is frozenset and not info.released
    again = pickle.loads(pickle.dumps(info))
    assert again == info and type(again.methods) is tuple
    again = cachecodec.decode_value(cachecodec.encode_value(info))
    assert again == info and type(again.methods) is tuple and type(again.attrs) is set


@pytest.mark.skipif(__import__("sys").version_info < (3, 10), reason="dataclass slots are new in 3.10")
def test_class_graph_records_carry_no_dict_and_survive_pickling() -> None:
    """The class graph's records (one per class, edge, store of the project, all alive in the
    project pass) have slots, not a ``__dict__`` each, and read back from a pickle and from the
    cache codec as equal records."""
    from leaklint.analysis.class_graph import ClassInfo, CtorCall, Edge, InitStore, LocalPair, LocalStore
    from leaklint.rule import Location

    where = Location(3, 5, 3, 20)
    store = InitStore("parent", "parent", False, where, "self.parent = parent")
    info = ClassInfo("m.Node", ("m.Base",), init_params=("parent",), init_stores=[store], methods={"close"})
    edge = Edge("m.Node", "parent", "m.Tree", False, "param", where, "self.parent = parent", path="m.py")
    call = CtorCall("m.Tree", "m.Node", (0,), (), where, "Node(self)")
    local = LocalStore("a", "b", ("m.Node",), "x", True, where, "a.x = b")
    pair = LocalPair(local, local, "m.py")
    for record in (info, store, edge, call, local, pair):
        assert not hasattr(record, "__dict__"), type(record).__name__
        assert pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)) == record
        encoded = cachecodec.encode_value(record)
        assert cachecodec.decode_value(encoded) == record
    assert hash(pickle.loads(pickle.dumps(edge))) == hash(edge)
