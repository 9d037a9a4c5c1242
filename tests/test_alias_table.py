"""The class graph's import aliases stored per module (leaklint.facts.records.AliasTable) answer
every question exactly as the flat dict of full dotted names did."""

from __future__ import annotations

import random
from typing import Dict

from leaklint.facts.records import AliasTable


def test_alias_table_answers_as_the_flat_dict() -> None:
    generator = random.Random(7)
    heads = ["", "a", "a.b", ".x", "x", "pkg.mod", "pkg.mod.", "a..b"]
    tails = ["", ".", ".os", "os", ".path.join", "name"]
    table, flat = AliasTable(), {}  # type: AliasTable, Dict[str, str]
    for _file in range(500):
        aliases = {generator.choice(heads) + generator.choice(tails): generator.choice(["t1", "t2", "", "x.y"])
                   for _ in range(6)}
        table.update(aliases)  # later files replace earlier entries of the same name, as dict.update
        flat.update(aliases)
    for name in {head + tail for head in heads for tail in tails + ["q"]}:
        assert table.get(name) == flat.get(name), name
        assert (name in table) == (name in flat), name
        if name in flat:
            assert table[name] == flat[name]
    assert len(table) == len(flat)
    assert dict(table.items()) == flat


def test_a_name_and_the_same_name_after_a_dot_stay_apart() -> None:
    table = AliasTable()
    table.update({"name": "first", ".name": "second", "m.name": "third"})
    assert (table.get("name"), table.get(".name"), table.get("m.name")) == ("first", "second", "third")
    assert table.get("m") is None and "m." not in table
