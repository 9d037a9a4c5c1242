"""A leaklint run that fails must stop the recall figures, not count as a run that found nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from eval_helpers import load_recall

recall = load_recall()


def _fake_run(returncode: int, stdout: str, stderr: str = ""):
    def run(command, **kwargs):
        return subprocess.CompletedProcess(command, returncode, stdout=stdout, stderr=stderr)
    return run


def test_a_failed_run_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(recall.subprocess, "run", _fake_run(2, "", "SyntaxError: invalid syntax"))
    with pytest.raises(RuntimeError, match="SyntaxError"):
        recall._lint_cli([Path("case/leaky.py")], ["--select", "LKL"])


def test_a_run_with_findings_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    row = '[{"path": "case/leaky.py", "location": {"line": 3}, "code": "LKL301"}]'
    monkeypatch.setattr(recall.subprocess, "run", _fake_run(1, row))
    found = recall._lint_cli([Path("case/leaky.py")], [])
    assert [(line, code) for _, line, code in found] == [(3, "LKL301")]
