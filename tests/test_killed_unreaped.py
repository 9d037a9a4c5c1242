"""LKL302: a child process signalled (kill/terminate/send_signal/os.kill) and then left
unreaped on a normal path stays a zombie; graded low when another method waits for it."""

from __future__ import annotations

import textwrap

from leaklint import lint_source
from leaklint.config import Settings, with_overrides
from leaklint.rule import Confidence

SOURCE = """
import subprocess

class Player:
    def __init__(self, path):
        self.backend = subprocess.Popen(["mpv", path])

    def skip(self):
        self.backend.terminate()
{join}
"""


STRICT = with_overrides(Settings(), profile="strict")


def lkl302(source: str) -> list:  # type: ignore[type-arg]
    return [f for f in lint_source(textwrap.dedent(source), "player.py", settings=STRICT) if f.code == "LKL302"]


def test_signalled_and_left_on_self_is_medium() -> None:
    (finding,) = lkl302(SOURCE.format(join=""))
    assert finding.line == 9 and finding.confidence == Confidence.MEDIUM
    assert "self.backend.wait()" in finding.suggestion


def test_waited_for_by_another_method_is_low() -> None:
    (finding,) = lkl302(SOURCE.format(join="\n    def join(self):\n        return self.backend.wait()\n"))
    assert finding.confidence == Confidence.LOW and "`join()` may reap it" in finding.message


def test_reaped_after_the_signal_is_quiet() -> None:
    assert not lkl302(SOURCE.replace("self.backend.terminate()", "self.backend.terminate()\n        self.backend.wait()").format(join=""))
