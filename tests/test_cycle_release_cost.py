"""Whether a class-level cycle forms only in a release method is read from one index of the
project's summaries (cycle_rules._release_stores), not from every summary again per cycle: on a
generated module of 40,000 classes that made LKL101 run for hours."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaklint.analysis.class_graph import ClassGraph
from leaklint.config import Settings, with_overrides
from leaklint.runner import lint_paths

_PAIR = """
class Tree{i}:
    def __init__(self):
        self.children = [Node{i}(self)]


class Node{i}:
    def __init__(self, parent):
        self.parent = parent
"""


def _resolutions(tmp_path: Path, pairs: int, monkeypatch: pytest.MonkeyPatch) -> int:
    folder = tmp_path / str(pairs)
    folder.mkdir()
    (folder / "trees.py").write_text("".join(_PAIR.format(i=i) for i in range(pairs)))
    calls = [0]
    resolve = ClassGraph.resolve

    def counted(self: ClassGraph, name: str) -> object:
        calls[0] += 1
        return resolve(self, name)

    monkeypatch.setattr(ClassGraph, "resolve", counted)
    strict = with_overrides(Settings(root=str(folder), select=("LKL101",)), profile="strict")
    findings = [f for f in lint_paths([str(folder)], strict).findings if f.code == "LKL101"]
    assert len(findings) == pairs  # one low cycle per pair: each is graded
    monkeypatch.setattr(ClassGraph, "resolve", resolve)
    return calls[0]


def test_grading_cycles_reads_the_summaries_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = _resolutions(tmp_path, 20, monkeypatch)
    large = _resolutions(tmp_path, 80, monkeypatch)
    # Linear in the project's size (4x the classes, about 4x the lookups), not quadratic (16x).
    assert large < 6 * small, (small, large)
