"""eval/verdicts.py: judged findings grouped by (code, shape, confidence) of a later run."""

from __future__ import annotations

import json
from pathlib import Path

from eval_helpers import load_eval_script

verdicts = load_eval_script("verdicts")


def test_shape_reads_the_reason_from_the_message() -> None:
    assert verdicts.shape("LKL302", "`s` (from `socket.socket()`) is released by `s.close()` on line 4, "
                                    "but not if an exception is raised before that") == "exception: no finally"
    assert verdicts.shape("LKL301", "`f` (from `open(p)`) is never closed") == "normal path: never"
    assert verdicts.shape("LKL304", "the task from `asyncio.ensure_future(...)` is dropped in `f`") == "task dropped"
    assert verdicts.shape("LKL999", "anything") == "other"


def _finding(path: str, line: int, code: str, confidence: str, message: str) -> dict:
    return {"pkg": "p", "path": path, "line": line, "code": code, "confidence": confidence,
            "message": message, "suggestion": "s"}


def test_table_matches_by_sample_path_line_code(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    judged = tmp_path / "judged.json"
    judged.write_text(json.dumps([
        {"s": "s1", "path": "src/p/a.py", "line": 2, "code": "LKL301", "verdict": "real", "reason": "r"},
        {"s": "s1", "path": "src/p/b.py", "line": 5, "code": "LKL304", "verdict": "debatable", "reason": "r"},
    ]), encoding="utf-8")
    other = tmp_path / "other.json"  # a file without sample names: given as s2=FILE
    other.write_text(json.dumps([
        {"path": "src/p/a.py", "line": 2, "code": "LKL301", "verdict": "false", "reason": "other sample"},
    ]), encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    run.joinpath("all.json").write_text(json.dumps([
        _finding("src/p/a.py", 2, "LKL301", "high", "`f` (from `open(p)`) is never closed"),
        _finding("src/p/b.py", 5, "LKL304", "low", "the task from `create_task(...)` is dropped in `g`"),
        _finding("src/p/c.py", 9, "LKL302", "medium", "`s` (from `socket.socket()`) is never closed"),
    ]), encoding="utf-8")
    assert verdicts.main(["--judged", str(judged), "--judged", f"s2={other}", "--run", f"s1={run}", "--unjudged"]) == 0
    out = capsys.readouterr().out
    # default profile: the low LKL304 finding is left out; the s2 verdict does not apply to s1
    assert "LKL301  normal path: never" in out and "LKL304" not in out.split("\n\n")[0]
    assert "2 findings: real 1 (100% of judged), debatable 0, false 0 (0%), unjudged 1" in out
    assert "s1 src/p/c.py:9 LKL302 medium" in out
    assert verdicts.main(["--judged", str(judged), "--run", f"s1={run}", "--profile", "strict", "--markdown"]) == 0
    strict = capsys.readouterr().out
    assert "| LKL304 | task dropped | low | 1 | 0 | 1 | 0 | 0 |" in strict
