"""eval/precision.py: a sample checked package by package, split for reviewers, and a later run
scored against their verdicts by path, line and code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval_helpers import ROOT, load_eval_script

precision = load_eval_script("precision")

LEAKY = "def read(path):\n    f = open(path)\n    return f.read()\n"
SAFE = "def read(path):\n    with open(path) as f:\n        return f.read()\n"
BROKEN = "def broken(:\n    pass\n"


def _sample(tmp_path: Path) -> Path:
    sample = tmp_path / "sample"
    for package, files in {"alpha": {"a.py": LEAKY, "b.py": SAFE}, "beta": {"c.py": LEAKY, "bad.py": BROKEN}}.items():
        folder = sample / "src" / package
        folder.mkdir(parents=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return sample


def test_run_checks_each_package_and_leaves_engine_notices_out(tmp_path: Path) -> None:
    sample = _sample(tmp_path)
    out = tmp_path / "judged"
    assert precision.main(["run", str(sample), str(out)]) == 0
    findings = json.loads((out / "all.json").read_text(encoding="utf-8"))
    assert [(f["pkg"], f["path"], f["line"], f["code"], f["id"]) for f in findings] == [
        ("alpha", "src/alpha/a.py", 2, "LKL301", 1),
        ("beta", "src/beta/c.py", 2, "LKL301", 2),
    ]  # bad.py's syntax error (LKL001) is the engine's notice, not a leak claim
    assert all(f["suggestion"] and f["message"] for f in findings)


def test_batches_cover_every_finding_once(tmp_path: Path) -> None:
    out = tmp_path / "judged"
    out.mkdir()
    findings = [{"id": n, "path": f"src/p/m{n}.py", "line": n, "code": "LKL301"} for n in range(1, 8)]
    (out / "all.json").write_text(json.dumps(findings), encoding="utf-8")
    precision.main(["batches", str(out), "--size", "3"])
    parts = [json.loads((out / f"batch{k}.json").read_text(encoding="utf-8")) for k in (1, 2, 3)]
    assert [len(p) for p in parts] == [3, 3, 1]
    assert [f["id"] for p in parts for f in p] == list(range(1, 8))
    assert not (out / "batch4.json").exists()


def _judged(tmp_path: Path) -> Path:
    judged = tmp_path / "judged"
    judged.mkdir()
    findings = [
        {"id": 1, "pkg": "p", "path": "src/p/a.py", "line": 2, "code": "LKL301"},
        {"id": 2, "pkg": "p", "path": "src/p/b.py", "line": 5, "code": "LKL101"},
        {"id": 3, "pkg": "p", "path": "src/p/b.py", "line": 9, "code": "LKL304"},
    ]
    (judged / "all.json").write_text(json.dumps(findings), encoding="utf-8")
    (judged / "judged-1.json").write_text(json.dumps([
        {"id": 1, "verdict": "real", "reason": "never closed | per call"},
        {"id": 2, "verdict": "debatable", "reason": "process-lifetime objects"},
    ]), encoding="utf-8")
    (judged / "judged-2.json").write_text(json.dumps([{"id": 3, "verdict": "false", "reason": "awaited"}]),
                                          encoding="utf-8")
    return judged


def test_a_later_run_is_scored_by_path_line_and_code(tmp_path: Path) -> None:
    judged = precision.verdicts(_judged(tmp_path))
    later = [
        {"pkg": "p", "path": "src/p/a.py", "line": 2, "code": "LKL301"},
        {"pkg": "p", "path": "src/p/b.py", "line": 5, "code": "LKL102"},  # same line, another code
        {"pkg": "p", "path": "src/p/b.py", "line": 9, "code": "LKL304"},
    ]
    scored = precision.score(later, judged)
    assert [f["verdict"] for f in scored] == ["real", None, "false"]
    assert precision.summary(scored) == "3 findings: real 1 (33%), debatable 0, false 1 (33%), unjudged 1"
    assert precision.per_code(scored) == [("LKL102", 0, 0, 0, 1), ("LKL301", 1, 0, 0, 0), ("LKL304", 0, 0, 1, 0)]


def test_two_judged_findings_on_one_line_keep_their_own_verdicts(tmp_path: Path) -> None:
    judged = tmp_path / "judged"
    judged.mkdir()
    place = {"pkg": "p", "path": "src/p/a.py", "line": 40, "code": "LKL302"}
    (judged / "all.json").write_text(json.dumps([
        {"id": 1, **place, "message": "`c` is returned to the caller, but not closed if line 41 raises"},
        {"id": 2, **place, "message": "`self.c` is never closed"},
    ]), encoding="utf-8")
    (judged / "judged-1.json").write_text(json.dumps([
        {"id": 1, "verdict": "false", "reason": "line 41 cannot raise"},
        {"id": 2, "verdict": "real", "reason": "no method closes it"},
    ]), encoding="utf-8")
    later = [{**place, "message": "`self.c` is never closed"},
             {**place, "message": "`c` is returned to the caller, but not closed if line 41 raises"},
             {**place, "message": "reworded since the judging"}]
    scored = precision.score(later, precision.verdicts(judged))
    assert [f["verdict"] for f in scored] == ["real", "false", "real"]  # a new wording: the line's last verdict


def test_the_ledger_escapes_table_cells_and_drops_the_package_prefix(tmp_path: Path) -> None:
    scored = precision.score([{"pkg": "p", "path": "src/p/a.py", "line": 2, "code": "LKL301"}],
                             precision.verdicts(_judged(tmp_path)))
    text = precision.ledger(scored)
    assert "| p | a.py:2 | LKL301 | real | never closed / per call |" in text
    assert "| LKL301 | 1 | 0 | 0 | 0 |" in text


def test_an_unknown_verdict_or_id_stops_the_scoring(tmp_path: Path) -> None:
    judged = _judged(tmp_path)
    (judged / "judged-3.json").write_text(json.dumps([{"id": 3, "verdict": "maybe"}]), encoding="utf-8")
    with pytest.raises(SystemExit, match="maybe"):
        precision.verdicts(judged)
    (judged / "judged-3.json").write_text(json.dumps([{"id": 9, "verdict": "real"}]), encoding="utf-8")
    with pytest.raises(SystemExit, match="id 9"):
        precision.verdicts(judged)


@pytest.mark.parametrize("sample", sorted(p for p in (ROOT / "eval" / "samples").iterdir() if p.is_dir()),
                         ids=lambda p: p.name)
def test_kept_samples_judge_every_finding_once(sample: Path) -> None:
    findings = json.loads((sample / "all.json").read_text(encoding="utf-8"))
    judged = json.loads((sample / "judged-all.json").read_text(encoding="utf-8"))
    assert sorted(v["id"] for v in judged) == sorted(f["id"] for f in findings)
    assert all(v["verdict"] in precision.VERDICTS and v["reason"].strip() for v in judged)
    wheels = (sample / "wheels.txt").read_text(encoding="utf-8").split()
    assert {f["pkg"] for f in findings} <= {wheel.split("-")[0] for wheel in wheels}
    # the kept folder is what `score` reads: every finding of the run matched back to its verdict
    scored = precision.score(findings, precision.verdicts(sample))
    assert all(f["verdict"] is not None for f in scored)
