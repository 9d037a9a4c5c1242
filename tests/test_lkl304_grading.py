"""LKL304 graded by consequence: dropped tasks that cost nothing in practice are LOW (strict only)."""

from __future__ import annotations

from typing import Dict

from conftest import FIXTURES
from leaklint import lint_source
from leaklint.config import Settings, with_overrides
from leaklint.rule import Confidence

STRICT = with_overrides(Settings(), profile="strict")


def _graded(name: str) -> Dict[int, Confidence]:
    path = FIXTURES / "LKL304" / name
    source = path.read_text()
    return {f.line: f.confidence for f in lint_source(source, str(path), settings=STRICT) if f.code == "LKL304"}


def _line(name: str, text: str) -> int:
    lines = (FIXTURES / "LKL304" / name).read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_low_consequence_shapes_are_low_with_a_reason() -> None:
    graded = _graded("consequence.py")
    for text in (
        "asyncio.ensure_future(self.close())",
        "ensure_future(self._reconnect_callback(delay=True))",
        "create_task(self._guarded(data))",
        "# noqa: RUF006",
        "asyncio.ensure_future(self.handle(None))",
        "create_task(self.handle(signum))",
    ):
        assert graded.get(_line("consequence.py", text)) is Confidence.LOW, text


def test_recurring_and_unseen_coroutines_stay_high() -> None:
    graded = _graded("consequence.py")
    for text in ("create_task(self.handle(data))", "create_task(result)", "stop_wait_server_push())", "_reraises(data)"):
        assert graded.get(_line("consequence.py", text)) is Confidence.HIGH, text


def test_low_message_says_why() -> None:
    source = (FIXTURES / "LKL304" / "consequence.py").read_text()
    messages = [f.message for f in lint_source(source, "consequence.py", settings=STRICT) if f.code == "LKL304" and f.confidence is Confidence.LOW]
    assert any("`self.close()` ends a connection" in m for m in messages)
    assert any("`_guarded` catches every exception itself" in m for m in messages)


def test_module_that_keeps_tasks_keeps_teardown_tasks_in_default() -> None:
    graded = _graded("consequence_kept_elsewhere.py")
    assert graded == {_line("consequence_kept_elsewhere.py", "ensure_future(self.close())"): Confidence.HIGH}


def test_shared_task_list_is_not_reported_as_growing() -> None:
    graded = _graded("consequence.py")
    lines = (FIXTURES / "LKL304" / "consequence.py").read_text().splitlines()
    creations = [n for n, line in enumerate(lines, 1) if "closing_task = asyncio.create_task" in line]
    shared, own = creations
    assert shared not in graded  # the caller's list, drained by the caller
    assert graded.get(own) is Confidence.HIGH  # a list of its own that only grows


def test_default_profile_leaves_low_findings_out() -> None:
    source = (FIXTURES / "LKL304" / "consequence.py").read_text()
    default = {f.line for f in lint_source(source, "consequence.py") if f.code == "LKL304"}
    assert _line("consequence.py", "asyncio.ensure_future(self.close())") not in default
    assert _line("consequence.py", "create_task(self.handle(data))") in default
