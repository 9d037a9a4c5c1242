"""LKL302: a child killed after ``communicate(timeout=...)`` timed out must still be reaped
(``proc.kill(); proc.communicate()``, as the subprocess docs show); python-discovery (fresh9)."""

from __future__ import annotations

import textwrap

from leaklint import lint_source
from leaklint.rule import Confidence

TEMPLATE = """
import subprocess
from subprocess import PIPE, Popen, TimeoutExpired

def probe(cmd):
    process = Popen(cmd, stdout=PIPE, stderr=PIPE, text=True)
    try:
        out, err = process.communicate(timeout=5)
    except {caught}:
        process.kill()
{after}        out, err = "", "timed out"
    return out
"""


def lkl302(source: str) -> list:  # type: ignore[type-arg]
    return [f for f in lint_source(textwrap.dedent(source), "probe.py") if f.code == "LKL302"]


def test_killed_and_left_is_reported_at_the_kill() -> None:
    (finding,) = lkl302(TEMPLATE.format(caught="TimeoutExpired", after=""))
    assert finding.line == 10 and finding.confidence == Confidence.MEDIUM
    assert "process.kill(); process.communicate()" in finding.suggestion
    (again,) = lkl302(TEMPLATE.format(caught="(subprocess.TimeoutExpired, OSError)", after=""))
    assert again.line == 10


def test_killed_then_reaped_is_quiet() -> None:
    assert not lkl302(TEMPLATE.format(caught="TimeoutExpired", after="        process.communicate()\n"))
    assert not lkl302(TEMPLATE.format(caught="TimeoutExpired", after="        process.wait()\n"))
    assert not lkl302(TEMPLATE.format(caught="ValueError", after=""))
