"""The public evaluation corpus (eval/corpus/) stays well-formed, and eval/recall.py still runs on it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from eval_helpers import load_recall

recall = load_recall()
CASES = recall.load_cases()
LEAKS = [case for case in CASES if case.kind == "leak"]
NEGATIVES = [case for case in CASES if case.kind == "negative"]
# the cases whose split is the seeded hash (the fresh sets are checked in test_eval_fresh_split.py,
# test_eval_fresh2_split.py, test_eval_held_out_splits.py (fresh3 to fresh17) and test_eval_fresh4_split.py)
FRESH_SPLITS = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17")
HASHED_LEAKS = [case for case in LEAKS if case.split not in FRESH_SPLITS]
HASHED_NEGATIVES = [case for case in NEGATIVES if case.split not in FRESH_SPLITS]


def test_corpus_has_the_promised_size_and_a_third_held_out() -> None:
    assert len(HASHED_LEAKS) >= 80
    assert len(HASHED_NEGATIVES) >= 20
    held = sum(case.holdout for case in HASHED_LEAKS)
    assert 0.2 * len(HASHED_LEAKS) <= held <= 0.45 * len(HASHED_LEAKS)
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_case_manifest_is_complete(case) -> None:
    for key in ("project", "url", "family", "description"):
        assert isinstance(case.meta.get(key), str) and case.meta[key].strip(), f"{case.id}: missing {key}"
    assert case.kind in ("leak", "negative")
    assert case.expected and all(code in recall.FAMILIES for code in case.expected), case.expected
    if case.split in FRESH_SPLITS:
        # a fresh set is its own split: no hash-derived holdout flag to contradict it
        assert case.meta.get("split") == case.split and "holdout" not in case.meta
    else:
        # the split is the seeded hash, never a hand choice
        assert case.meta.get("holdout") is recall.is_holdout(case.id)
        assert case.split == ("holdout" if case.holdout else "tune")
    if case.kind == "leak":
        assert case.url.startswith("https://github.com/"), case.url
        assert "/issues/" in case.url or "/pull/" in case.url or "/commit/" in case.url
    else:
        assert case.url.startswith("https://")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_case_files_parse_and_mark_the_leak(case) -> None:
    for version in case.versions():
        files = case.version_files(version)
        assert files, f"{case.id}: no files for {version}"
        for path in files:
            ast.parse(path.read_text(encoding="utf-8"), str(path))
    if case.kind == "leak":
        assert case.marked_lines(), f"{case.id}: no `# LEAK` marker in the leaky version"
        fixed_text = "".join(p.read_text(encoding="utf-8") for p in case.version_files("fixed"))
        leaky_text = "".join(p.read_text(encoding="utf-8") for p in case.version_files("leaky"))
        assert not recall.MARKER.search(fixed_text)
        assert recall.MARKER.sub("", leaky_text) != fixed_text
    else:
        assert not any(recall.MARKER.search(p.read_text(encoding="utf-8")) for p in case.version_files("safe"))


def test_scoring_counts_hits_on_marked_lines_only(tmp_path: Path) -> None:
    case_dir = tmp_path / "cases" / "demo"
    case_dir.mkdir(parents=True)
    (case_dir / "case.toml").write_text(
        'project = "x/y"\nurl = "https://github.com/x/y/issues/1"\nfamily = "demo"\nexpected = ["LKL3"]\n'
        f'description = "d"\nholdout = {str(recall.is_holdout("demo")).lower()}\n'
    )
    (case_dir / "leaky.py").write_text("a = 1\nb = 2  # LEAK\n")
    (case_dir / "fixed.py").write_text("a = 1\nb = 3\n")
    (case, ) = recall.load_cases(tmp_path)
    leaky = str((case_dir / "leaky.py").resolve())
    fixed = str((case_dir / "fixed.py").resolve())

    def linter_for(findings):
        return lambda files: [f for f in findings if any(f[0] == str(p.resolve()) for p in files)]

    on_mark = recall.score_case(case, None, linter_for([(leaky, 2, "LKL301")]), any_code=False)
    assert on_mark["found"] is True and on_mark["false_alarm"] is False
    elsewhere = recall.score_case(case, None, linter_for([(leaky, 1, "LKL301"), (fixed, 2, "LKL301")]), any_code=False)
    assert elsewhere["found"] is False and elsewhere["false_alarm"] is True
    # a code of another family on the marked line is not a hit, nor a false alarm on the fixed twin
    other_family = recall.score_case(case, None, linter_for([(leaky, 2, "LKL101"), (fixed, 2, "LKL201")]), any_code=False)
    assert other_family["found"] is False and other_family["false_alarm"] is False


def test_recall_runs_end_to_end_on_a_few_cases(capsys: pytest.CaptureFixture[str]) -> None:
    chosen = [HASHED_LEAKS[0].id, HASHED_LEAKS[-1].id, HASHED_NEGATIVES[0].id]
    assert recall.main(["--json", "--cases", ",".join(chosen)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["cases"] == 2 and report["negatives"] == 1
    for selection in ("default", "all"):
        data = report["selections"][selection]
        assert {r["id"] for r in data["results"]} == set(chosen)
        total = data["summary"]["all"]
        assert total["cases"] == 2 and total["negatives"] == 1
        assert total["found"] == sum(bool(r.get("found")) for r in data["results"])
        for result in data["results"]:
            if result.get("found"):
                assert result["leaky_codes"], result


def test_profiles_are_read_from_the_help_text() -> None:
    assert recall.cli_profiles("  --profile {default,strict}  which findings") == ["default", "strict"]
    assert recall.cli_profiles("  --select SELECT  only these") == []
