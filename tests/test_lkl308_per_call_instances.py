"""LKL308: a figure a constructor stores on ``self`` leaks when the module makes an instance per
call and drops it (alphalens's GridFigure); judged like ``fig = plt.figure(); self.fig = fig``."""

from __future__ import annotations

import textwrap

from leaklint import lint_source


def lkl308(source: str) -> list:  # type: ignore[type-arg]
    return [f for f in lint_source(textwrap.dedent(source), "report.py") if f.code == "LKL308"]


GRID = """
import matplotlib.pyplot as plt


class Grid:
    def __init__(self, rows):
        self.fig = plt.figure(figsize=(14, rows * 7))
        self.row = 0

    def next_row(self):
        self.row += 1
        return self.fig.add_subplot(2, 1, self.row)
"""


def test_figure_on_an_instance_made_per_call_is_reported() -> None:
    (finding,) = lkl308(GRID + "\n\ndef tear_sheet(data):\n    grid = Grid(rows=2)\n    grid.next_row().plot(data)\n")
    assert finding.line == 7
    assert "`tear_sheet()` makes a new `Grid`" in finding.message
    assert "plt.close(self.fig)" in finding.suggestion


def test_tuple_of_figure_and_axes_on_self_is_reported() -> None:
    source = GRID.replace("self.fig = plt.figure(figsize=(14, rows * 7))", "self.fig, self.ax = plt.subplots(rows)")
    (finding,) = lkl308(source + "\n\ndef sheet(data):\n    for part in data:\n        grid = Grid(2)\n        grid.next_row().plot(part)\n")
    assert "`self.fig`" in finding.message


def test_instances_returned_kept_made_once_or_closed_are_quiet() -> None:
    returned = GRID + "\n\ndef make(data):\n    grid = Grid(rows=2)\n    return grid\n"
    module_level = GRID + "\n\nGRID = Grid(rows=2)\n"
    never_made = GRID
    closed = GRID + "\n    def close(self):\n        plt.close(self.fig)\n\n\ndef sheet(data):\n    grid = Grid(2)\n    grid.next_row()\n"
    stored = GRID + "\n\ndef sheet(owner):\n    owner.grid = Grid(2)\n"
    for source in (returned, module_level, never_made, closed, stored):
        assert not lkl308(source), source
