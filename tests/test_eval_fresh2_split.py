"""The second fresh split (``fresh2``) of the evaluation corpus: its cases load as their own split, are
reported in their own column, and repeat no project or fix of the rest of the corpus.

No test here runs leaklint on a fresh2 case: the scoring tests use a stand-in linter, so the set stays
unseen until it is measured with ``python eval/recall.py --split fresh2``.
"""

from __future__ import annotations

from pathlib import Path

from eval_helpers import load_recall, write_case

recall = load_recall()
CASES = recall.load_cases()
FRESH2 = [case for case in CASES if case.split == "fresh2"]



def test_fresh2_has_the_promised_size_and_spread() -> None:
    leaks = [case for case in FRESH2 if case.kind == "leak"]
    negatives = [case for case in FRESH2 if case.kind == "negative"]
    assert len(leaks) >= 40
    assert len(negatives) >= 10
    assert {case.expected[0] for case in leaks} >= {"LKL1", "LKL2", "LKL3"}
    families = {case.family for case in leaks}
    # every family of issue 16's list: cycles, exceptions, pinned callbacks, growth, resources, threads, tasks
    for family in ("cycle-back-reference", "cycle-bound-method", "exception-frame", "registry-pin",
                   "growth-registry", "resource-exception-path", "resource-ownership", "thread-timer",
                   "asyncio-task"):
        assert family in families, family


def test_fresh2_cases_live_apart_and_declare_their_split() -> None:
    assert "fresh2" in recall.SPLITS
    for case in FRESH2:
        assert recall.CORPUS / "fresh2" in case.folder.parents, case.id
        assert case.meta.get("split") == "fresh2" and "holdout" not in case.meta, case.id
    # and nothing under fresh2/ claims another split
    for case in CASES:
        if recall.CORPUS / "fresh2" in case.folder.parents:
            assert case.split == "fresh2", case.id


def test_fresh2_repeats_no_project_or_fix_of_the_corpus() -> None:
    others = [case for case in CASES if case.split != "fresh2" and case.kind == "leak"]
    seen_links = {case.url.rstrip("/") for case in others}
    seen_projects = {case.project.lower() for case in others}
    leaks = [case for case in FRESH2 if case.kind == "leak"]
    for case in leaks:
        assert case.url.rstrip("/") not in seen_links, case.id
        assert case.project.lower() not in seen_projects, case.id
    assert len({case.url.rstrip("/") for case in leaks}) == len(leaks)


def test_summary_reports_fresh2_apart(tmp_path: Path) -> None:
    write_case(tmp_path, "t1", "holdout = false\n")
    write_case(tmp_path, "f1", 'split = "fresh"\n')
    write_case(tmp_path, "g1", 'split = "fresh2"\n')
    write_case(tmp_path, "g2", 'split = "fresh2"\n')
    cases = recall.load_cases(tmp_path)
    assert {case.id: case.split for case in cases} == {"t1": "tune", "f1": "fresh", "g1": "fresh2", "g2": "fresh2"}

    def linter(files):
        return [(str(f.resolve()), 2, "LKL301") for f in files if f.parent.name == "g1" and f.name == "leaky.py"]

    results = [recall.score_case(case, None, linter, any_code=False) for case in cases]
    summary = recall.summarize(cases, results)
    assert (summary["fresh2"]["found"], summary["fresh2"]["cases"]) == (1, 2)
    assert (summary["fresh"]["found"], summary["fresh"]["cases"]) == (0, 1)
    assert (summary["all"]["found"], summary["all"]["cases"]) == (1, 4)
