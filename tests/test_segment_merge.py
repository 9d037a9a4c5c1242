"""A segmented file's facts merged segment by segment (leaklint.segments._Merge, SegmentItems).

The project pass merges a segmented file's facts from each segment's pickle. Merged in one piece,
every segment's facts and the merged result were alive at once; a file of tiny generated classes
and functions (10 MB: 78,816 function summaries) peaked there. Now the merge holds the merged
value and one segment, and the function summaries are not merged in memory at all: they come
back as ``SegmentItems``, read one segment at a time when the summary store takes them. What the
merge gives must be exactly what ``merge_facts`` gives over all the parts at once.
"""

from __future__ import annotations

import gc
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import pytest

from leaklint.config import Settings
from leaklint.facts.on_demand import STREAMED, FactsByPath, SummaryStore
from leaklint.runner import lint_file
from leaklint.segments import DeferredFacts, SegmentItems, _Merge, merge_facts, pack
from leaklint.spool import PackedFacts, Spool, dumps


@dataclass
class Facts:
    module: str
    items: List[Any] = field(default_factory=list)
    table: Dict[str, Any] = field(default_factory=dict)
    summaries: List[Any] = field(default_factory=list)


def _leaf(rng: random.Random) -> Any:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(["a", "b", "c"])
    if kind == 1:
        return rng.randrange(3)
    if kind == 2:
        return (rng.choice("ab"), rng.randrange(2))
    return {"k": [rng.randrange(2)]}


def _leaves(rng: random.Random) -> List[Any]:
    return [_leaf(rng) for _ in range(rng.randrange(4))]


def _table_value(rng: random.Random, key: str) -> Any:
    """Each key's value has one shape in every part (as a rule's facts do): a list, a mapping of
    lists, or None now and then."""
    if rng.random() < 0.1:
        return None
    if key in "pq":
        return _leaves(rng)
    return {rng.choice("xyz"): _leaves(rng) for _ in range(rng.randrange(3))}


def _part(rng: random.Random) -> Any:
    if rng.random() < 0.15:
        return None
    return Facts(
        rng.choice(["m", "n"]),
        _leaves(rng),
        {key: _table_value(rng, key) for key in rng.sample("pqrs", rng.randrange(4))},
        [{"name": rng.choice("fgh")} for _ in range(rng.randrange(4))],
    )


@pytest.mark.parametrize("seed", range(60))
def test_merge_one_part_at_a_time_gives_what_merge_facts_gives(seed: int) -> None:
    rng = random.Random(seed)
    parts = [_part(rng) for _ in range(rng.randrange(1, 6))]
    for candidate in (parts, [part.table if part else None for part in parts], [part.items if part else None for part in parts]):
        merge = _Merge()
        for part in candidate:
            merge.add(part)
        expected = merge_facts(candidate)
        assert repr(merge.result()) == repr(expected)
        if sum(part is not None for part in candidate) == 1:
            assert merge.result() is expected  # one part alone is the part itself, as before


class Counted(dict):
    """A summary that counts how many of its kind are alive."""

    alive = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        Counted.alive += 1

    def __del__(self) -> None:
        Counted.alive -= 1

    def __reduce__(self) -> Any:
        return (Counted, (dict(self),))


def _segments(count: int, per_segment: int) -> List[Dict[str, Any]]:
    segments = []
    for number in range(count):
        summaries = [Counted(name=f"mod.f{number}_{index}") for index in range(per_segment)]
        summaries.append(Counted(name="mod.prelude"))  # in every segment: kept once
        facts = Facts("mod", [f"class{number}", "shared"], {f"k{number}": number}, summaries)
        segments.append({"LKL101": facts, "LKL102": facts, "LKL204": {f"k{number}": [number]}})
    return segments


def test_streamed_summaries_are_read_one_segment_at_a_time_and_equal_the_merged_ones() -> None:
    segments = _segments(6, 40)
    blobs = [pack(part) for part in segments]
    del segments
    gc.collect()
    assert Counted.alive == 0
    whole = DeferredFacts(list(blobs)).merged()
    expected = [dict(summary) for summary in whole["LKL101"].summaries]
    assert len(expected) == 6 * 40 + 1
    del whole
    gc.collect()
    assert Counted.alive == 0

    group = DeferredFacts(list(blobs)).merged_with("LKL101", None, STREAMED)
    assert set(group) == {"LKL101", "LKL102"} and group["LKL101"] is group["LKL102"]
    facts = group["LKL101"]
    # Nothing of the summaries is kept by the merge; the other fields are merged as before.
    assert type(facts.summaries) is SegmentItems and facts.summaries
    assert Counted.alive == 0
    assert facts.items == [f"class{n}" for n in range(6)][:1] + ["shared"] + [f"class{n}" for n in range(1, 6)]
    assert facts.table == {f"k{n}": n for n in range(6)}
    # Iterated, one segment's summaries are alive at a time (the caller drops each one).
    most = 0
    seen = []
    for summary in facts.summaries:
        seen.append(dict(summary))
        del summary
        most = max(most, Counted.alive)
    assert seen == expected
    assert most == 41  # the segment being read, never two
    assert Counted.alive == 0
    assert len(facts.summaries) == len(expected)


def test_a_file_whose_facts_come_from_one_segment_is_not_streamed() -> None:
    summaries = [Counted(name="mod.only")]
    blobs = [pack({"LKL101": Facts("mod", [], {}, summaries)}), pack({"LKL204": {"k": [1]}})]
    del summaries
    facts = DeferredFacts(blobs).merged_with("LKL101", None, STREAMED)["LKL101"]
    assert type(facts.summaries) is list and facts.summaries == [{"name": "mod.only"}]
    del facts
    gc.collect()
    assert Counted.alive == 0


def test_the_store_takes_streamed_summaries_chunk_by_chunk() -> None:
    blobs = [pack(part) for part in _segments(5, 30)]
    gc.collect()
    with Spool() as spool:
        packed = PackedFacts(
            {"LKL101": 0, "LKL102": 0},
            [spool.put(dumps(DeferredFacts(blobs)))],
            spool,
        )

        class Result:
            path = "mod.py"
            facts = packed

        facts = FactsByPath([Result()], "LKL101")
        store = SummaryStore(budget=20, chunk=10, spill_above=20)
        for path, file_facts in facts.items():
            assert type(file_facts.summaries) is SegmentItems
            store.add(path, file_facts.summaries)
            del file_facts
        # Only the budget stays in memory; the rest went to the temporary file as it came.
        assert store.resident == 20
        assert Counted.alive == 20
        store.finish()
        names = [summary["name"] for _path, summary in store.scopes()]
        assert names[0] == "mod.f0_0" and names.count("mod.prelude") == 1 and len(names) == 5 * 30 + 1
        assert store.summary("mod.f4_29") == ("mod.py", {"name": "mod.f4_29"})
        store.close()
    del store
    gc.collect()
    assert Counted.alive == 0


def test_a_segmented_module_gives_the_same_project_findings_streamed(tmp_path: Path) -> None:
    """Through the real check: a module cut into segments, its class-graph facts read on demand
    (summaries streamed into the store) and all at once, give the same graph."""
    from leaklint.analysis.class_graph import ClassGraph

    blocks = []
    for index in range(200):
        blocks.append(
            f"class Node{index}:\n    def __init__(self, parent):\n        self.parent = parent\n"
            f"        self.child = Leaf{index}(self)\n\n\n"
            f"class Leaf{index}:\n    def __init__(self, owner):\n        self.owner = owner\n\n\n"
            f"def make{index}():\n    return Node{index}(None)\n\n\n"
        )
    module = tmp_path / "gen.py"
    module.write_text("".join(blocks))
    deferred, _ = lint_file(str(module), Settings(segment_size=16384), defer_segment_facts=True)
    assert deferred is not None
    handle = deferred.facts["LKL101"]
    assert type(handle) is DeferredFacts and len(handle.blobs) > 1
    packed = PackedFacts.pack(deferred.facts)
    whole = handle.merged()["LKL101"]

    class Result:
        path = str(module)
        facts = packed

    assert type(FactsByPath([Result()], "LKL101")[str(module)].summaries) is SegmentItems
    streamed = ClassGraph(FactsByPath([Result()], "LKL101"))
    at_once = ClassGraph({str(module): whole})
    assert [(e.source, e.target, e.attr) for e in streamed.edges] == [(e.source, e.target, e.attr) for e in at_once.edges]
    assert list(streamed.summaries.scopes()) == list(at_once.summaries.scopes())
    assert len(list(streamed.summaries.scopes())) >= 600
