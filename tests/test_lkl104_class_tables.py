"""LKL104 and a handler table of the class itself: `_command_handlers = {}` in the class body,
filled through `self` and never rebound on an instance, keeps what goes in on the class. There is
no cycle through the instance (pyFirmata's `Board`: five findings judged false on sample 22)."""

from __future__ import annotations

from conftest import FIXTURES, findings_by_line


def test_stores_into_the_class_table_are_not_cycles() -> None:
    source = (FIXTURES / "LKL104" / "class_tables.py").read_text(encoding="utf-8")
    found = findings_by_line(source, "LKL104", "strict")
    assert not {9, 10, 11} & set(found)  # Board: a helper's store, a subscript store, an append
    assert {30, 31} <= set(found)  # OwnTable rebinds the table on each instance: a cycle


def test_a_table_rebound_in_another_method_is_the_instance_s() -> None:
    source = (
        "class Hub:\n    handlers = {}\n\n    def reset(self):\n        self.handlers = {}\n\n"
        "    def __init__(self):\n        self.handlers['x'] = self.on_x\n\n    def on_x(self):\n        pass\n"
    )
    assert 8 in findings_by_line(source, "LKL104", "strict")
