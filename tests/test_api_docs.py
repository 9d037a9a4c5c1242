"""docs/api.md: its Python example runs, and the names it documents exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import leaklint

DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"


def _python_blocks() -> list:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    blocks = _python_blocks()
    assert blocks, "docs/api.md has a Python example"
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), {"__name__": "__api_doc__"})  # noqa: S102 - our own docs
    assert "example.py:2:9: LKL301" in capsys.readouterr().out


def test_every_public_name_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in leaklint.__all__:
        if name != "__version__":
            assert f"`{name}" in text, f"{name} is public but not in docs/api.md"
