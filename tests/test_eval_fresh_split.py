"""The fresh split of the evaluation corpus: its cases load as their own split, are reported in their own
column, and the loader still reads manifests written before splits existed.

No test here runs leaklint on a fresh case: the scoring tests use a stand-in linter, so the fresh set
stays unseen until it is measured with ``python eval/recall.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval_helpers import load_recall, write_case

recall = load_recall()
CASES = recall.load_cases()
FRESH = [case for case in CASES if case.split == "fresh"]



def test_the_fresh_set_has_the_promised_size_and_spread() -> None:
    leaks = [case for case in FRESH if case.kind == "leak"]
    negatives = [case for case in FRESH if case.kind == "negative"]
    assert len(leaks) >= 30
    assert len(negatives) >= 6
    groups = {case.expected[0] for case in leaks}
    assert groups >= {"LKL1", "LKL2", "LKL3", "LKL4"}, groups
    # every fresh case lives under eval/corpus/fresh/, apart from the hash-split corpus
    assert all(recall.CORPUS / "fresh" in case.folder.parents for case in FRESH)


def test_fresh_cases_do_not_repeat_a_fix_of_the_corpus() -> None:
    others = [case for case in CASES if case.split != "fresh" and case.kind == "leak"]
    seen_links = {case.url.rstrip("/") for case in others}
    for case in FRESH:
        if case.kind == "leak":
            assert case.url.rstrip("/") not in seen_links, case.id
    assert len({case.id for case in CASES}) == len(CASES)


def test_loader_keeps_manifests_without_a_split_key(tmp_path: Path) -> None:
    write_case(tmp_path, "old-tune", "holdout = false\n")
    write_case(tmp_path, "old-held", "holdout = true\n")
    write_case(tmp_path, "new-fresh", 'split = "fresh"\n')
    by_id = {case.id: case for case in recall.load_cases(tmp_path)}
    assert by_id["old-tune"].split == "tune" and by_id["old-tune"].holdout is False
    assert by_id["old-held"].split == "holdout" and by_id["old-held"].holdout is True
    assert by_id["new-fresh"].split == "fresh" and by_id["new-fresh"].holdout is False


def test_loader_rejects_an_unknown_split(tmp_path: Path) -> None:
    write_case(tmp_path, "typo", 'split = "frsh"\n')
    with pytest.raises(ValueError, match="unknown split"):
        recall.load_cases(tmp_path)


def _stand_in_linter(hit_ids: set[str]):
    """Reports LKL301 on line 2 of the leaky file of each case in ``hit_ids``, nothing elsewhere."""
    def run(files):
        return [(str(f.resolve()), 2, "LKL301") for f in files
                if f.parent.name in hit_ids and f.name == "leaky.py"]
    return run


def test_summary_reports_the_fresh_split_apart(tmp_path: Path) -> None:
    write_case(tmp_path, "t1", "holdout = false\n")
    write_case(tmp_path, "h1", "holdout = true\n")
    write_case(tmp_path, "f1", 'split = "fresh"\n')
    write_case(tmp_path, "f2", 'split = "fresh"\n')
    cases = recall.load_cases(tmp_path)
    linter = _stand_in_linter({"t1", "f1"})
    results = [recall.score_case(case, None, linter, any_code=False) for case in cases]
    summary = recall.summarize(cases, results)
    assert (summary["tune"]["found"], summary["tune"]["cases"]) == (1, 1)
    assert (summary["holdout"]["found"], summary["holdout"]["cases"]) == (0, 1)
    assert (summary["fresh"]["found"], summary["fresh"]["cases"]) == (1, 2)
    assert summary["fresh"]["recall"] == 0.5
    assert (summary["all"]["found"], summary["all"]["cases"]) == (2, 4)
    assert {r["id"]: r["split"] for r in results} == {"t1": "tune", "h1": "holdout", "f1": "fresh", "f2": "fresh"}


def test_table_and_markdown_have_a_fresh_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_case(tmp_path, "t1", "holdout = false\n")
    write_case(tmp_path, "f1", 'split = "fresh"\n')
    cases = recall.load_cases(tmp_path)
    results = [recall.score_case(case, None, _stand_in_linter({"f1"}), any_code=False) for case in cases]
    summary = recall.summarize(cases, results)
    recall.print_table("default", summary)
    table = capsys.readouterr().out.splitlines()
    assert table[1].split() == ["family", "tune", "holdout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5",
                                "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17"]
    recall_row = next(line for line in table if line.startswith("recall"))
    assert recall_row.split()[1:] == ["0/1", "0%", "0/0", "-", "1/1", "100%", "0/0", "-", "0/0", "-", "0/0", "-",
                                     "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-", "0/0", "-"]

    report = {"selections": {"default": {"summary": summary}, "all": {"summary": summary}}}
    recall.print_markdown(report)
    lines = capsys.readouterr().out.splitlines()
    head = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert head == ["family", "leaklint tune", "leaklint holdout", "leaklint fresh", "leaklint fresh2",
                    "leaklint fresh3", "leaklint fresh4", "leaklint fresh5", "leaklint fresh6", "leaklint fresh7",
                    "leaklint fresh8", "leaklint fresh9", "leaklint fresh10", "leaklint fresh11", "leaklint fresh12", "leaklint fresh13", "leaklint fresh14", "leaklint fresh15", "leaklint fresh16", "leaklint fresh17", "leaklint all", "leaklint, every rule", "leaklint, every rule fresh",
                    "leaklint, every rule fresh2", "leaklint, every rule fresh3", "leaklint, every rule fresh4",
                    "leaklint, every rule fresh5", "leaklint, every rule fresh6", "leaklint, every rule fresh7",
                    "leaklint, every rule fresh8", "leaklint, every rule fresh9", "leaklint, every rule fresh10",
                    "leaklint, every rule fresh11", "leaklint, every rule fresh12",
                    "leaklint, every rule fresh13", "leaklint, every rule fresh14",
                    "leaklint, every rule fresh15", "leaklint, every rule fresh16",
                    "leaklint, every rule fresh17"]
    recall_line = next(line for line in lines if line.startswith("| **recall**"))
    cells = [cell.strip() for cell in recall_line.strip("|").split("|")]
    assert cells[3] == "1/1 (100%)" and cells[22] == "1/1 (100%)" and cells[1] == "0/1 (0%)"
    assert all(cell == "0/0 (-)" for cell in cells[4:20]), cells
    assert all(cell == "0/0 (-)" for cell in cells[23:39]), cells


def test_split_option_selects_only_that_split(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    write_case(tmp_path, "t1", "holdout = false\n")
    write_case(tmp_path, "f1", 'split = "fresh"\n')
    load_original = recall.load_cases
    monkeypatch.setattr(recall, "load_cases", lambda: load_original(tmp_path))
    monkeypatch.setattr(recall, "selections", lambda: {"stand-in": "x"})
    monkeypatch.setattr(recall, "lint", lambda files, how: _stand_in_linter({"t1", "f1"})(files))
    assert recall.main(["--json", "--split", "tune"]) == 0
    report = json.loads(capsys.readouterr().out)
    results = report["selections"]["stand-in"]["results"]
    assert [r["id"] for r in results] == ["t1"] and results[0]["found"] is True
    assert report["selections"]["stand-in"]["summary"]["fresh"]["cases"] == 0
