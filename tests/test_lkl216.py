"""LKL216: bound methods subscribed to listener tables that only grow."""

from __future__ import annotations

from conftest import FIXTURES
from leaklint.config import Settings
from leaklint.rule import Confidence
from leaklint.runner import lint_paths


def _graded() -> dict:
    folder = FIXTURES / "LKL216"
    report = lint_paths([str(folder)], Settings(root=str(folder)))
    return {(f.path.rsplit("/", 1)[-1], f.line): f for f in report.findings if f.code == "LKL216"}


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
