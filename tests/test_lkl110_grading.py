"""LKL110 grades a per-call recursive closure cycle by what its cells hold (the default-visibility
policy): the default selection shows it only when the engine names a cost (made in a loop, bulk
data, a container filled in a loop, a frame, `self` of a class keeping bulk data or a `__del__`);
every other such cycle is low and only in the strict profile, with the reason in its message."""

from __future__ import annotations

from conftest import FIXTURES, findings_by_line

FOLDER = FIXTURES / "LKL110"


def _lines(source: str, marker: str) -> list:
    return [n for n, line in enumerate(source.splitlines(), 1) if marker in line]


def test_cycles_with_nothing_costly_are_low_and_say_why() -> None:
    checked = 0
    for fixture in ("recursion.py", "cheap_cells.py"):
        source = (FOLDER / fixture).read_text(encoding="utf-8")
        default = findings_by_line(source, "LKL110", "default")
        strict = findings_by_line(source, "LKL110", "strict")
        for line in _lines(source, "# strict profile only"):
            assert line not in default, (fixture, line)
            assert strict[line].confidence.value == "low", (fixture, line)
            assert "nothing in its cells is known to be costly" in strict[line].message, (fixture, line)
            checked += 1
    assert checked >= 5


def test_costly_cycles_stay_in_the_default_selection_and_name_the_cost() -> None:
    source = (FOLDER / "recursion.py").read_text(encoding="utf-8")
    default = findings_by_line(source, "LKL110", "default")
    marked = _lines(source, "# error: LKL110")
    assert len(marked) >= 5
    costs = {
        "format_array": "used as an array",
        "generations": "filled in the loop on line",
        "reachable_per_branch": "defined inside a loop",
        "describe_failure": "holds a frame or traceback",
        "Volume": "keeps bulk data in `data`",
        "Cursor": "hands it on as a callback",
    }
    messages = [default[line].message for line in marked]
    for where, words in costs.items():
        assert any(words in message for message in messages), (where, words, messages)


def test_the_same_helper_without_the_cost_is_low() -> None:
    cheap = (
        "def generations(commit_ids, store):\n"
        "    generation = {}\n\n"
        "    def depth(commit_id):\n"
        "        if commit_id not in generation:\n"
        "            generation[commit_id] = 1 + max((depth(p) for p in store[commit_id].parents), default=0)\n"
        "        return generation[commit_id]\n\n"
        "    return [depth(c) for c in commit_ids]\n"
    )
    assert not findings_by_line(cheap, "LKL110", "default")
    assert findings_by_line(cheap, "LKL110", "strict")[4].confidence.value == "low"
    costly = cheap.replace("    generation = {}\n", "    generation = {}\n    for c in commit_ids:\n        generation.setdefault(c, None)\n")
    costly = costly.replace("if commit_id not in generation:", "if generation.get(commit_id) is None:")
    found = findings_by_line(costly, "LKL110", "default")
    assert [f.confidence.value for f in found.values()] == ["medium"]
