"""eval/recall_diff.py reads what `recall.py --details` prints and names every case that moved."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Sequence, Set, Tuple

import pytest

from eval_helpers import load_eval_script, load_recall, write_case

recall = load_recall()


recall_diff = load_eval_script("recall_diff")
Finding = Tuple[str, int, str]


def _stand_in(found: Set[str], flagged: Set[str]) -> Callable[[Sequence[Path]], List[Finding]]:
    """Reports line 2 of the leaky file of the cases in ``found`` and of the fixed/safe file of
    those in ``flagged``, with an expected code, as leaklint would."""
    def run(files: Sequence[Path]) -> List[Finding]:
        out = []
        for f in files:
            case_id = f.parent.name
            if (f.name == "leaky.py" and case_id in found) or (f.name in ("fixed.py", "safe.py") and case_id in flagged):
                out.append((str(Path(f).resolve()), 2, "LKL301"))
        return out
    return run


def _details(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             found: Set[str], flagged: Set[str]) -> str:
    """The text `recall.py --details` prints for the cases under tmp_path with a stand-in linter."""
    cases = recall.load_cases(tmp_path)
    linter = _stand_in(found, flagged)
    monkeypatch.setattr(recall, "load_cases", lambda *a, **k: cases)
    monkeypatch.setattr(recall, "score_all",
                        lambda cs, how, tool=None, jobs=1: [recall.score_case(c, how, linter, any_code=False) for c in cs])
    assert recall.main(["--details"]) == 0
    return capsys.readouterr().out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for case_id in ("kept", "gained", "lost"):
        write_case(tmp_path, case_id, 'split = "fresh"\n')
    write_case(tmp_path, "tuned", "holdout = false\n")
    negative = tmp_path / "negatives" / "neg-one"
    negative.mkdir(parents=True)
    (negative / "case.toml").write_text('kind = "negative"\nproject = "idiom"\nurl = "https://example.org/n"\n'
                                        'family = "resource-file"\nexpected = ["LKL3"]\ndescription = "safe"\n'
                                        'split = "fresh"\n', encoding="utf-8")
    (negative / "safe.py").write_text("a = 1\nb = 2\n", encoding="utf-8")
    return tmp_path


def test_recall_details_round_trip_and_every_move_is_named(corpus: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    before = recall_diff.parse(_details(corpus, monkeypatch, capsys, {"kept", "lost", "tuned"}, set()).splitlines())
    after = recall_diff.parse(_details(corpus, monkeypatch, capsys, {"kept", "gained", "tuned"},
                                       {"kept", "neg-one"}).splitlines())
    assert set(after) == {"default", "all", "profile:strict"}
    assert after["default"]["neg-one"] == recall_diff.Outcome("negative", "fresh", False, True)
    assert before["default"]["lost"].found and not after["default"]["lost"].found

    counts, moves, lost = recall_diff.compare(before["default"], after["default"])
    fresh = counts["fresh"]
    assert (fresh.leaks, fresh.found_before, fresh.found_after) == (3, 2, 2)
    assert (fresh.twins_before, fresh.twins_after, fresh.negatives, fresh.negatives_after) == (0, 1, 1, 1)
    assert (counts["tune"].found_before, counts["tune"].found_after) == (1, 1)
    assert lost
    assert [m.split()[1:] for m in moves] == [
        ["gained:", "missed", "->", "FOUND"],
        ["kept:", "fixed", "twin", "newly", "flagged"],
        ["lost:", "FOUND", "->", "missed"],
        ["neg-one:", "negative", "newly", "flagged"],
    ]


def test_a_pure_gain_exits_zero_and_cases_of_one_run_only_are_listed(tmp_path: Path) -> None:
    before = tmp_path / "before.txt"
    after = tmp_path / "after.txt"
    before.write_text("== default\n  missed fresh    a-case    \n", encoding="utf-8")
    after.write_text("== default\n  FOUND  fresh    a-case     LKL301\n  FOUND  fresh2   new-case   LKL301\n",
                     encoding="utf-8")
    assert recall_diff.main([str(before), str(after)]) == 0
    counts, moves, lost = recall_diff.compare(recall_diff.parse(before.read_text().splitlines())["default"],
                                              recall_diff.parse(after.read_text().splitlines())["default"])
    assert not lost and "fresh2" not in counts
    assert moves == ["fresh    a-case: missed -> FOUND", "fresh2   new-case: added"]


def test_a_loss_exits_one_and_split_filter_hides_other_splits(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    before = tmp_path / "before.txt"
    after = tmp_path / "after.txt"
    before.write_text("== default\n  FOUND  fresh    a-case     LKL301\n  FOUND  fresh2   b-case     LKL301\n",
                      encoding="utf-8")
    after.write_text("== default\n  FOUND  fresh    a-case     LKL301\n  missed fresh2   b-case     \n",
                     encoding="utf-8")
    assert recall_diff.main([str(before), str(after)]) == 1
    capsys.readouterr()
    assert recall_diff.main([str(before), str(after), "--split", "fresh"]) == 0
    assert "b-case" not in capsys.readouterr().out
