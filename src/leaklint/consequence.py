"""Consequence grading the engine applies to every leak rule's findings, whatever the rule says.

A leak in a test module lasts one test run at most: reviewers of packages leaklint was never run
on judged none of the findings in test modules worth a change (docs/evaluation/precision-unseen.md,
"Test modules"). Such findings are LOW: the default profile leaves them out, `profile = "strict"`
shows them.
"""

from __future__ import annotations

from pathlib import PurePath

from leaklint.rule import Confidence


def is_test_file(path: str) -> bool:
    """A test module by its name: ``test_*.py``, ``*_test.py`` or ``conftest.py``.

    Not a ``tests/`` folder: projects keep fixtures and helpers there that a test suite imports,
    and the path of a file is often given relative to such a folder."""
    stem = PurePath(path).stem
    return stem.startswith("test_") or stem.endswith("_test") or stem == "conftest"


def graded(code: str, path: str, confidence: Confidence) -> Confidence:
    """The confidence a finding of ``code`` in ``path`` is reported with."""
    if code.startswith("LKL00"):
        return confidence  # the engine's own diagnostics (syntax errors, noqa, ...) are not leaks
    if is_test_file(path):
        return Confidence.LOW
    return confidence
