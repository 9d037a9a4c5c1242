"""Results kept on disk (leaklint.spool) and project facts unpacked one rule at a time.

The process that runs the project pass keeps every checked file's result packed in a temporary
file, and the project pass unpacks one rule's facts of every file at a time. What comes back must
be exactly what went in: the same facts (shared objects still shared), a segmented file's facts
merged as ``DeferredFacts.merged`` merges them, and the same findings in the same order.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, Dict, List

import pytest

from leaklint import engine, runner
from leaklint.config import Settings
from leaklint.runner import lint_file
from leaklint.segments import DeferredFacts
from leaklint.spool import PackedFacts, Spool

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("in_memory", [False, True])
def test_spool_gives_back_each_blob(in_memory: bool) -> None:
    blobs = [b"", b"a", bytes(range(256)) * 50, b"\x00" * 7, b"last"]
    with Spool(in_memory=in_memory) as spool:
        assert spool.on_disk is not in_memory
        refs = [spool.put(blob) for blob in blobs]
        # Read in another order than written, and twice.
        for index in (3, 0, 2, 4, 1, 2):
            assert spool.get(refs[index]) == blobs[index]
        refs.append(spool.put(b"after reads"))
        assert spool.get(refs[-1]) == b"after reads"
        assert spool.get(refs[2]) == blobs[2]


def test_dumps_and_loads_round_trip_and_share_equal_values_across_pickles() -> None:
    from leaklint.spool import dumps, loads

    first = {"name": "pkg.mod.Tree", "lines": [1, 300, 70000, -9], "pair": ("pkg.mod.Tree", 3.5), "raw": b"x"}
    second = ["pkg.mod." + "Tree", 70000, {"pkg.mod.Tree": None, "other": True}]
    table: dict = {}
    one, two = loads(dumps(first), table), loads(dumps(second), table)
    assert one == first and two == second
    assert type(one["pair"]) is tuple and type(two[2]["other"]) is bool
    assert one["name"] is two[0] is one["pair"][0]  # one object per value across both pickles
    assert one["lines"][2] is two[1]
    pairs = loads(dumps([("func", "a.b"), (1, "x"), (True, "x")]), table)
    again = loads(dumps({"callee": ("func", "a.b"), "flag": (1, "x")}), table)
    assert pairs[0] is again["callee"] and pairs[1] is again["flag"]
    assert pairs[2] == (True, "x") and type(pairs[2][0]) is bool  # never taken for (1, "x")
    assert loads(dumps(first)) == first  # without a table: equal, nothing shared with others
    assert loads(dumps(first))["name"] is not one["name"]


def test_peek_interns_strings_so_equal_names_of_different_files_are_one_object() -> None:
    """The project pass's on-demand reads (``PackedFacts.peek``) intern strings: two files' equal
    names come back as one object (a plain table per read gave one per file), numbers and
    tuples are still equal, and a read without the interning table is unchanged."""
    from leaklint.spool import InterningTable, dumps, loads

    def facts(suffix: str) -> Dict[str, Any]:
        return {"attrs": ["par" + suffix, "children"], "line": 70000, "callee": ("func", "os.path." + "join")}

    spool = Spool(in_memory=True)
    first = PackedFacts({"LKL101": 0}, [spool.put(dumps(facts("ent")))], spool)
    second = PackedFacts({"LKL101": 0}, [spool.put(dumps(facts("ent")))], spool)
    one, two = first.peek("LKL101"), second.peek("LKL101")
    assert one == two == facts("ent")
    assert one["attrs"][0] is two["attrs"][0] and one["attrs"][1] is two["attrs"][1]
    assert one["callee"][1] is two["callee"][1]
    assert type(one["callee"]) is tuple and one["line"] == 70000
    blob = dumps(facts("ent"))
    plain = loads(blob, {})
    assert plain == one and plain["attrs"][0] is not loads(blob, {})["attrs"][0]
    assert loads(blob, InterningTable())["attrs"][0] is one["attrs"][0]


def _generated(tmp_path: Path, count: int) -> Path:
    blocks = [
        f"class Tree{i}:\n    def add(self):\n        child = Node{i}(self)\n        self.children = [child]\n\n\n"
        f"class Node{i}:\n    def __init__(self, parent):\n        self.parent = parent\n\n\n"
        f"def load{i}(path):\n    return open(path).read()\n\n\n"
        for i in range(count)
    ]
    module = tmp_path / "generated.py"
    module.write_text("import threading\n\n\n" + "".join(blocks))
    return module


@pytest.mark.parametrize("spooled", [False, True])
def test_packed_facts_read_as_the_facts_and_keep_shared_objects_shared(tmp_path: Path, spooled: bool) -> None:
    path = FIXTURES / "LKL101"
    source = sorted(path.rglob("*.py"))[0]
    result, _ = lint_file(str(source), Settings())
    assert result is not None and result.facts
    facts: Dict[str, Any] = result.facts
    assert facts["LKL101"] is facts["LKL102"]
    with Spool() as spool:
        packed = PackedFacts.pack(facts)
        if spooled:
            packed = packed.spooled(spool)
        assert list(packed) == list(facts) and len(packed) == len(facts)
        assert "LKL999" not in packed
        with pytest.raises(KeyError):
            packed["LKL999"]
        for code in facts:
            assert code in packed
            assert packed[code] == facts[code]
        assert packed["LKL101"] is packed["LKL102"]  # one class graph for both rules
        first = packed["LKL101"]
        for code in facts:
            if code != "LKL102":
                packed.release(code)
        assert packed.shares("LKL101", "LKL102")  # still held, unpacked with LKL101's
        assert not any(packed.shares("LKL101", code) for code in facts if code not in ("LKL101", "LKL102"))
        assert packed["LKL102"] is first  # still held for the rule sharing it
        packed.release("LKL102")
        again = packed["LKL101"]
        assert again is not first and again == first


def test_segmented_facts_merge_one_group_at_a_time_as_all_at_once(tmp_path: Path) -> None:
    module = _generated(tmp_path, 150)
    settings = Settings(segment_size=16384)
    deferred, _ = lint_file(str(module), settings, defer_segment_facts=True)
    assert deferred is not None
    handle = next(iter(deferred.facts.values()))
    assert type(handle) is DeferredFacts and len(handle.blobs) > 1
    copy = pickle.loads(pickle.dumps(handle))
    packed = PackedFacts.pack(deferred.facts)  # before merged(), which lets the blobs go
    whole = handle.merged()
    assert {"LKL101", "LKL102", "LKL204"} <= set(whole)
    for code in whole:
        group = copy.merged_with(code)
        assert code in group
        assert group[code] == whole[code]
        # The codes merged together are exactly those merged() gives one object.
        assert set(group) == {other for other in whole if whole[other] is whole[code]}
    assert copy.merged_with("LKL999") == {}
    # Packed per rule, through a spool, as the runner keeps them.
    with Spool() as spool:
        packed = packed.spooled(spool)
        assert packed["LKL101"] is packed["LKL102"]
        assert packed["LKL204"] == whole["LKL204"]


def test_merged_with_keeps_codes_apart_that_share_an_object_in_some_segments_only() -> None:
    from leaklint.segments import pack

    shared_one, shared_two, alone = ["a"], ["b"], ["c"]
    segments = [
        {"X": shared_one, "Y": shared_one},
        {"X": shared_two, "Y": shared_two, "Z": shared_two},
        {"Y": alone},
    ]
    handle = DeferredFacts([pack(part) for part in segments])
    whole = DeferredFacts([pack(part) for part in segments]).merged()
    for code in ("X", "Y", "Z"):
        group = handle.merged_with(code)
        assert group[code] == whole[code]
        assert set(group) == {other for other in whole if whole[other] is whole[code]}
    assert handle.merged_with("X") == {"X": ["a", "b"]}  # Y is also in a segment without X


def _findings(report: runner.Report) -> List[Any]:
    return [(f.path, f.line, f.column, f.code, f.message, f.confidence) for f in report.findings]


@pytest.mark.parametrize("jobs", [1, 2])
def test_spooled_results_give_the_findings_live_results_give(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """lint_files (results spooled, facts unpacked per rule) against the engine's project pass
    over live results: the same findings, in the same order, segmented files included."""
    module = _generated(tmp_path, 60)
    paths = sorted(str(p) for code in ("LKL101", "LKL102", "LKL204", "LKL301") for p in (FIXTURES / code).rglob("*.py"))
    paths.append(str(module))
    monkeypatch.setattr(runner, "_POOL_MIN_BYTES", 0)
    settings = Settings(segment_size=16384)
    spooled = runner.lint_files(paths, settings, jobs=jobs)
    live = [lint_file(path, settings)[0] for path in paths]
    expected = runner.finish(runner.Report(), [r for r in live if r is not None], settings)
    assert _findings(spooled) == _findings(expected)
    assert {"LKL101", "LKL301"} <= {f.code for f in spooled.findings}


def test_project_pass_lets_each_rules_facts_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a rule runs, only its own facts (and those sharing their object) are unpacked, and
    none for the class-graph rules, which read them on demand."""
    module = _generated(tmp_path, 5)
    result, _ = lint_file(str(module), Settings())
    assert result is not None
    packed = runner.PackedResult.of(result)
    with Spool() as spool:
        item = packed.spooled(spool).without_findings()
        seen: List[Dict[str, int]] = []
        rules = [rule for rule in Settings().rules() if rule.project_scope and rule.code in result.facts]
        for rule in rules:
            original = rule.check_project

            def spy(facts: Any, settings: Any, _original: Any = original) -> Any:
                seen.append({code: id(value) for code, value in item.facts._live.items()})  # type: ignore[attr-defined]
                return _original(facts, settings)

            monkeypatch.setattr(rule, "check_project", spy)
        engine.project_findings([item], rules, {})
        assert len(seen) == len(rules) >= 3
        assert any(getattr(rule, "reads_facts_on_demand", False) for rule in rules)
        for rule, live in zip(rules, seen):
            if getattr(rule, "reads_facts_on_demand", False):
                assert live == {}  # read file by file by the class graph, never kept
            else:
                assert rule.code in live and len(set(live.values())) == 1
        assert item.facts._live == {}  # type: ignore[attr-defined]


def test_worker_results_are_not_kept_once_spooled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each result a worker sends is let go once its pickles are in the spool (the futures kept
    every one of them until the end)."""
    import gc
    import weakref

    paths = sorted(str(p) for code in ("LKL101", "LKL301") for p in (FIXTURES / code).rglob("*.py"))[:12]
    monkeypatch.setattr(runner, "_POOL_MIN_BYTES", 0)
    received: List[Any] = []
    alive_before: List[int] = []
    original = runner.PackedResult.spooled

    def spooled(self: runner.PackedResult, spool: Spool) -> runner.PackedResult:
        gc.collect()
        alive_before.append(sum(1 for ref in received if ref() is not None))
        received.append(weakref.ref(self))
        return original(self, spool)

    monkeypatch.setattr(runner.PackedResult, "spooled", spooled)
    report = runner.lint_files(paths, Settings(), jobs=2)
    assert len(received) == len(paths) and report.files_checked == len(paths)
    assert alive_before == [0] * len(paths)


def test_memory_checking_left_free_goes_back_before_the_project_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The process that runs the project pass returns what checking left free (malloc_trim)
    once every file is checked and before the pass starts, and not when nothing was checked."""
    calls: List[str] = []
    monkeypatch.setattr(runner, "_return_freed_memory", lambda: calls.append("trim"))
    finish = runner.finish

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append("project pass")
        return finish(*args, **kwargs)

    monkeypatch.setattr(runner, "finish", spy)
    module = tmp_path / "m.py"
    module.write_text("import json\n\n\ndef load(path):\n    return json.load(open(path))\n")
    report = runner.lint_files([str(module)], Settings(), jobs=1)
    assert report.files_checked == 1 and report.findings
    assert calls == ["trim", "project pass"]
    calls.clear()
    runner.lint_files([], Settings(), jobs=1)
    assert calls == ["project pass"]


def test_spooled_facts_are_kept_compact_and_read_back_the_same(tmp_path: Path) -> None:
    """What the process running the project pass holds per checked file: files with the same
    codes share one code map, the blobs' places are one array, an empty Suppressions is shared;
    each reads back exactly what went in."""
    sources = sorted((FIXTURES / "LKL101").rglob("*.py"))[:3]
    results = [lint_file(str(source), Settings())[0] for source in sources]
    assert all(result is not None and result.facts for result in results)
    with Spool() as spool:
        spooled = [runner.PackedResult.of(result).spooled(spool) for result in results if result is not None]
        for result, packed in zip(results, spooled):
            assert result is not None
            assert type(packed.facts._blobs).__name__ == "array"
            assert {code: packed.facts[code] for code in packed.facts} == result.facts
            assert pickle.loads(spool.get(packed.findings)) == result.findings
            assert packed.suppressions == result.suppressions
        first, second = spooled[0].facts, spooled[1].facts
        if list(first) == list(second):
            assert first._codes is second._codes
        nothing = [p.suppressions for p in spooled if not p.suppressions.lines]
        assert nothing and all(s is nothing[0] for s in nothing)
    with Spool(in_memory=True) as spool:  # refs that are not file offsets stay a list
        packed_facts = PackedFacts.pack(results[0].facts).spooled(spool)  # type: ignore[union-attr]
        assert type(packed_facts._blobs) is list
        assert {code: packed_facts[code] for code in packed_facts} == results[0].facts  # type: ignore[union-attr]
