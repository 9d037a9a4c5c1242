"""The fourth fresh split (``fresh4``) of the evaluation corpus: its cases load as their own split, are
reported in their own column, repeat no project or fix of the rest of the corpus, and spread over the
families of real leak fixes rather than over what leaklint finds.

No test here runs leaklint on a fresh4 case: the scoring tests use a stand-in linter, so the set stays
unseen until it is measured with ``python eval/recall.py --split fresh4``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from eval_helpers import load_recall, write_case

recall = load_recall()
CASES = recall.load_cases()
FRESH4 = [case for case in CASES if case.split == "fresh4"]
LEAKS = [case for case in FRESH4 if case.kind == "leak"]



def test_fresh4_has_the_promised_size() -> None:
    negatives = [case for case in FRESH4 if case.kind == "negative"]
    assert len(LEAKS) >= 40
    assert len(negatives) >= 10


def test_fresh4_spreads_over_the_families_of_real_fixes() -> None:
    groups = Counter(case.expected[0] for case in LEAKS)
    # cycles, growth, resources and closures all present, and no code family is more than half the set
    assert set(groups) == {"LKL1", "LKL2", "LKL3", "LKL4"}, groups
    assert max(groups.values()) <= len(LEAKS) // 2, groups
    families = {case.family for case in LEAKS}
    for family in ("cycle-back-reference", "cycle-bound-method", "closure-capture", "exception-frame",
                   "registry-pin", "growth-registry", "growth-container", "cache-on-method",
                   "resource-file", "resource-exception-path", "resource-through-call", "resource-ownership",
                   "resource-subprocess", "thread-timer", "asyncio-task"):
        assert family in families, family


def test_fresh4_has_leaks_that_cross_modules() -> None:
    crossing = [case for case in LEAKS if len(case.version_files("leaky")) > 1]
    assert len(crossing) >= 4, [case.id for case in crossing]
    for case in crossing:
        marked_files = {path for path, _ in case.marked_lines()}
        assert marked_files, case.id
        # the fix keeps every module of the leaky version (it may add one, as a helper module)
        leaky_names = {p.relative_to(case.folder / "leaky") for p in case.version_files("leaky")}
        fixed_names = {p.relative_to(case.folder / "fixed") for p in case.version_files("fixed")}
        assert leaky_names <= fixed_names, case.id


def test_fresh4_cases_live_apart_and_declare_their_split() -> None:
    assert "fresh4" in recall.SPLITS
    for case in FRESH4:
        assert recall.CORPUS / "fresh4" in case.folder.parents, case.id
        assert case.meta.get("split") == "fresh4" and "holdout" not in case.meta, case.id
    for case in CASES:
        if recall.CORPUS / "fresh4" in case.folder.parents:
            assert case.split == "fresh4", case.id


def test_fresh4_repeats_no_project_or_fix_of_the_corpus() -> None:
    others = [case for case in CASES if case.split != "fresh4" and case.kind == "leak"]
    seen_links = {case.url.rstrip("/") for case in others}
    seen_projects = {case.project.lower() for case in others}
    for case in LEAKS:
        assert case.url.rstrip("/") not in seen_links, case.id
        assert case.project.lower() not in seen_projects, case.id
    assert len({case.url.rstrip("/") for case in LEAKS}) == len(LEAKS)
    assert len({case.project.lower() for case in LEAKS}) == len(LEAKS)


def test_summary_reports_fresh4_apart(tmp_path: Path) -> None:
    write_case(tmp_path, "t1", "holdout = false\n", expected="LKL1")
    write_case(tmp_path, "g1", 'split = "fresh3"\n', expected="LKL1")
    write_case(tmp_path, "k1", 'split = "fresh4"\n', expected="LKL1")
    write_case(tmp_path, "k2", 'split = "fresh4"\n', expected="LKL1")
    cases = recall.load_cases(tmp_path)
    assert {case.id: case.split for case in cases} == {"t1": "tune", "g1": "fresh3", "k1": "fresh4", "k2": "fresh4"}

    def linter(files):
        return [(str(f.resolve()), 2, "LKL101") for f in files if f.parent.name == "k2" and f.name == "leaky.py"]

    results = [recall.score_case(case, None, linter, any_code=False) for case in cases]
    summary = recall.summarize(cases, results)
    assert (summary["fresh4"]["found"], summary["fresh4"]["cases"]) == (1, 2)
    assert (summary["fresh3"]["found"], summary["fresh3"]["cases"]) == (0, 1)
    assert (summary["all"]["found"], summary["all"]["cases"]) == (1, 4)


def test_fresh4_leaky_lines_are_marked_code_and_the_fix_differs() -> None:
    for case in LEAKS:
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


def test_fresh4_negatives_carry_no_marker_and_declare_a_family() -> None:
    negatives = [case for case in FRESH4 if case.kind == "negative"]
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
    assert header[-1] == "fresh4"
    assert (summary["fresh4"]["found"], summary["fresh4"]["cases"]) == (1, 1)
