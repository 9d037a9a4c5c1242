"""The progress bar: only on an interactive terminal, only for runs longer than the delay."""

from __future__ import annotations

import io
from typing import List

import pytest

from leaklint.progress import Progress, interactive


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")


def drive(stream: io.StringIO, clock: Clock, times: List[float], total: int = 10) -> Progress:
    progress = Progress(stream, clock=clock)
    for done, moment in enumerate(times, start=1):
        clock.now = moment
        progress.update(done, total)
    return progress


def test_silent_when_not_a_terminal() -> None:
    stream, clock = io.StringIO(), Clock()
    drive(stream, clock, [2.0, 3.0, 4.0]).close()
    assert stream.getvalue() == ""


def test_silent_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    stream, clock = FakeTerminal(), Clock()
    drive(stream, clock, [2.0, 3.0]).close()
    assert stream.getvalue() == ""
    assert not interactive(FakeTerminal())


def test_silent_on_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert not interactive(FakeTerminal())


def test_silent_for_quick_runs() -> None:
    stream, clock = FakeTerminal(), Clock()
    drive(stream, clock, [0.1, 0.5, 0.9]).close()
    assert stream.getvalue() == ""


def test_drawn_after_the_delay_and_erased_at_the_end() -> None:
    stream, clock = FakeTerminal(), Clock()
    progress = drive(stream, clock, [0.5, 1.5, 1.55, 2.0], total=4)
    drawn = stream.getvalue()
    assert "2/4 files" in drawn
    assert "3/4 files" not in drawn  # throttled: drawn at most every 0.1 s
    assert "4/4 files" in drawn  # the last one always
    progress.close()
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue()[len(drawn) :].strip() == ""


def test_a_closed_stream_stops_drawing() -> None:
    stream, clock = FakeTerminal(), Clock()
    progress = Progress(stream, clock=clock)
    stream.close()
    clock.now = 5.0
    progress.update(1, 2)  # must not raise
    assert not progress.enabled


def test_cli_prints_no_bar_when_piped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    (tmp_path / "a.py").write_text("x = 1\n")
    done = subprocess.run(
        [sys.executable, "-m", "leaklint", "check", "--no-cache", "a.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert "files" not in done.stderr.replace("file checked", "")
    assert "\r" not in done.stderr
