"""eval/recall.py -j N scores the same cases to the same results as one process, in order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eval_helpers import load_recall, write_case

recall = load_recall()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the pool forks")
def test_forked_scoring_matches_one_process(tmp_path: Path) -> None:
    for number in range(6):
        leaky = "a = 1\nb = 2  # LEAK\n" if number % 2 else "a = 1\nb = 2\nc = 3  # LEAK\n"
        write_case(tmp_path, f"case-{number}", 'split = "fresh"\n', leaky=leaky)
    cases = recall.load_cases(tmp_path)

    def stand_in(files):  # reports line 2 of every leaky file: finds the odd cases only
        return [(str(Path(f).resolve()), 2, "LKL301") for f in files if f.name == "leaky.py"]

    alone = recall.score_all(cases, None, stand_in, jobs=1)
    pooled = recall.score_all(cases, None, stand_in, jobs=2)
    assert pooled == alone
    assert [r["found"] for r in pooled] == [bool(n % 2) for n in range(6)]
