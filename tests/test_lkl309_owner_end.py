"""LKL309: the owner's end (its teardown) leaves out a pending callback or a worker that the
same teardown would end for a sibling; both shapes are shown by the default profile."""

from __future__ import annotations

from conftest import findings_by_line

SCHEDULED = '''import sched


class Watchdog:
    def __init__(self, clock):
        self.clock = clock
        self.kick_call = None
        self.expire_call = None

    def arm(self, seconds):
        self.expire_call = self.clock.call_later(seconds, self.expire)

    def expire(self):
        self.expire_call = None

    def closeEvent(self, event):
        if self.kick_call is not None:
            self.kick_call.cancel()
'''

SCHEDULED_SAFE = SCHEDULED.replace(
    "        if self.kick_call is not None:\n            self.kick_call.cancel()\n",
    "        for call in (self.kick_call, self.expire_call):\n            if call is not None:\n                call.cancel()\n",
)

TWINS = '''from workers import Crew


class Plant:
    def __init__(self):
        self.day_shift = Crew(size=8)
        self.night_shift = Crew(size=2)

    def assign(self, job, night=False):
        (self.night_shift if night else self.day_shift).take(job)

    async def aclose(self):
        self.day_shift.stop()
'''

TWINS_SAFE = TWINS.replace("        self.day_shift.stop()\n", "        self.day_shift.stop()\n        self.night_shift.stop()\n")


def test_a_delayed_call_the_teardown_forgets_is_reported_by_default() -> None:
    assert sorted(findings_by_line(SCHEDULED, "LKL309", "default")) == [11]


def test_a_teardown_that_cancels_every_handle_is_quiet() -> None:
    assert "expire_call)" in SCHEDULED_SAFE
    assert findings_by_line(SCHEDULED_SAFE, "LKL309", "strict") == {}


def test_a_member_made_like_one_the_teardown_stops_is_reported() -> None:
    assert sorted(findings_by_line(TWINS, "LKL309", "default")) == [7]


def test_twins_both_stopped_are_quiet() -> None:
    assert "night_shift.stop()" in TWINS_SAFE
    assert findings_by_line(TWINS_SAFE, "LKL309", "strict") == {}
