"""What the fourth fresh split (``fresh4``) checks beyond the recipe it shares with ``fresh3``
(tests/test_eval_held_out_splits.py): markers on lines of code, fixed versions that differ, negatives
without markers, and a column of its own in the table. The fifth to tenth sets (``fresh5``,
``fresh6``, ``fresh7``, ``fresh8``, ``fresh9``, ``fresh10``, ``fresh11``, ``fresh12``, ``fresh13``, ``fresh14``, ``fresh15``, ``fresh16``, ``fresh17``) are held to the same marker and negative checks.

No test here runs leaklint on a fresh4 case: the scoring tests use a stand-in linter, so the set stays
unseen until it is measured with ``python eval/recall.py --split fresh4``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eval_helpers import load_recall, write_case

recall = load_recall()
CASES = recall.load_cases()
MARKED_SPLITS = ("fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17")


@pytest.mark.parametrize("split", MARKED_SPLITS)
def test_fresh4_leaky_lines_are_marked_code_and_the_fix_differs(split: str) -> None:
    leaks = [case for case in CASES if case.split == split and case.kind == "leak"]
    assert leaks, split
    for case in leaks:
        marks = case.marked_lines()
        assert marks, case.id
        for path, number in marks:
            line = Path(path).read_text(encoding="utf-8").splitlines()[number - 1]
            # the marker sits on a line of code, not on a comment line of its own
            assert recall.MARKER.sub("", line).split("#")[0].strip(), (case.id, number)
        leaky = {p.relative_to(case.folder): p.read_text(encoding="utf-8") for p in case.version_files("leaky")}
        fixed_files = case.version_files("fixed")
        assert fixed_files, case.id
        fixed = {p.relative_to(case.folder): p.read_text(encoding="utf-8") for p in fixed_files}
        assert not any(recall.MARKER.search(text) for text in fixed.values()), case.id
        unmarked = "".join(recall.MARKER.sub("", text) for text in leaky.values())
        assert unmarked != "".join(fixed.values()), case.id


@pytest.mark.parametrize("split", MARKED_SPLITS)
def test_fresh4_negatives_carry_no_marker_and_declare_a_family(split: str) -> None:
    negatives = [case for case in CASES if case.split == split and case.kind == "negative"]
    assert negatives, split
    for case in negatives:
        files = case.version_files("safe")
        assert files, case.id
        assert not any(recall.MARKER.search(p.read_text(encoding="utf-8")) for p in files), case.id
        assert case.family and case.expected, case.id


def test_table_has_a_fresh4_column(tmp_path: Path, capsys) -> None:
    write_case(tmp_path, "k1", 'split = "fresh4"\n', expected="LKL1")
    cases = recall.load_cases(tmp_path)

    def linter(files):
        return [(str(f.resolve()), 2, "LKL101") for f in files if f.name == "leaky.py"]

    summary = recall.summarize(cases, [recall.score_case(case, None, linter, any_code=False) for case in cases])
    recall.print_table("default", summary)
    header = capsys.readouterr().out.splitlines()[1].split()
    # fresh5 to fresh17, built after fresh4, are the last columns
    assert header[-14:] == ["fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12",
                           "fresh13", "fresh14", "fresh15", "fresh16", "fresh17"]
    assert (summary["fresh4"]["found"], summary["fresh4"]["cases"]) == (1, 1)
