"""LKL216: bound methods subscribed to listener tables that only grow."""

from __future__ import annotations

from conftest import FIXTURES
from leaklint.config import Settings
from leaklint.rule import Confidence
from leaklint.runner import lint_paths


def _graded(select: tuple = ("LKL216",)) -> dict:
    # LKL216 alone: where LKL111 also reports a subscription, LKL216 yields to it (see below)
    folder = FIXTURES / "LKL216"
    report = lint_paths([str(folder)], Settings(root=str(folder), select=select))
    return {(f.path.rsplit("/", 1)[-1], f.line): f for f in report.findings if f.code == "LKL216"}


def test_it_yields_to_lkl111_where_that_rule_has_a_verdict() -> None:
    folder = FIXTURES / "LKL216"
    report = lint_paths([str(folder)], Settings(root=str(folder), profile="strict"))
    by_line = {(f.path.rsplit("/", 1)[-1], f.line): f.code for f in report.findings if f.code in ("LKL111", "LKL216")}
    # the subscriptions LKL111 grades are its alone, even the one it grades low (a bus handed in)
    assert by_line[("listeners.py", 26)] == by_line[("listeners.py", 47)] == "LKL111"
    # the decorator-factory subscription across modules is LKL216's own
    assert by_line[("viewer.py", 11)] == "LKL216"
    default = lint_paths([str(folder)], Settings(root=str(folder)))
    assert ("listeners.py", 47) not in {(f.path.rsplit("/", 1)[-1], f.line) for f in default.findings}


def test_lifetime_decides_confidence() -> None:
    graded = _graded()
    assert graded[("listeners.py", 26)].confidence is Confidence.HIGH  # a class-level list
    assert graded[("listeners.py", 72)].confidence is Confidence.HIGH  # a module-level instance's table
    assert graded[("listeners.py", 47)].confidence is Confidence.MEDIUM  # `bus: EventBus`, lifetime not shown
    assert graded[("viewer.py", 11)].confidence is Confidence.HIGH  # another module's table, through a factory


def test_message_names_the_table_and_the_subscriber() -> None:
    finding = _graded()[("listeners.py", 26)]
    assert "`Broadcaster._subscribers`" in finding.message and "`TenantSession`" in finding.message
    assert "WeakMethod" in finding.suggestion


def test_one_file_alone_has_no_cross_module_finding() -> None:
    folder = FIXTURES / "LKL216" / "bus"
    report = lint_paths([str(folder / "viewer.py")], Settings(root=str(folder)))
    assert not [f for f in report.findings if f.code == "LKL216"]
