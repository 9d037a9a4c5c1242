"""LKL101 reports one cycle once per file: stores that form the same cycle through the same
classes (pywebview's `Window.__init__` makes fifteen `Event(self)` kept in `self.events`: 15
findings on sample 17, one cause and one fix) are one finding that names the other stores' lines."""

from __future__ import annotations

from conftest import findings_by_line

WINDOW = (
    "import threading\n\n\nclass Event:\n    def __init__(self, window):\n        self._window = window\n\n"
    "    def set(self):\n        threading.Thread(target=print).start()\n\n\nclass Events:\n    pass\n\n\n"
    "class Window:\n    def __init__(self):\n        self.events = Events()\n"
    "        self.events.closed = Event(self)\n        self.events.shown = Event(self)\n"
    "        self.events.moved = Event(self)\n"
)


def test_the_same_cycle_through_many_stores_is_one_finding() -> None:
    found = findings_by_line(WINDOW, "LKL101", "strict")
    assert sorted(found) == [19]
    assert "the same cycle forms through the stores on lines 20, 21" in found[19].message


def test_different_cycles_stay_separate() -> None:
    source = (
        "class Child:\n    def __init__(self, parent):\n        self.parent = parent\n        self.data = bytearray(1)\n\n\n"
        "class Other:\n    def __init__(self, owner):\n        self.owner = owner\n        self.data = bytearray(1)\n\n\n"
        "class Parent:\n    def __init__(self):\n        self.child = Child(self)\n        self.other = Other(self)\n"
    )
    found = findings_by_line(source, "LKL101", "strict")
    assert len(found) == 2, found

