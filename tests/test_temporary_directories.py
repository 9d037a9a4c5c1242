"""``tempfile.mkdtemp()`` makes a directory the caller must remove (``shutil.rmtree``): LKL302
follows the path like a descriptor released by a function, treats handing the string to a call
as a use, and stays quiet when the removal is registered, the path is returned or stored."""

from __future__ import annotations

import textwrap
from typing import List

import pytest

from leaklint import lint_source
from leaklint.models import ModelError
from leaklint.models.schema import parse_table
from leaklint.rule import Confidence


def findings(source: str) -> List:  # type: ignore[type-arg]
    return [f for f in lint_source(textwrap.dedent(source), "example.py") if f.code == "LKL302"]


def test_directory_used_and_never_removed() -> None:
    # coverage-crawler (fresh9): exported to the environment, used by a child, never removed
    (finding,) = findings(
        """
        import os
        import subprocess
        import tempfile

        def crawl():
            out = tempfile.mkdtemp()
            os.environ["GCOV_PREFIX"] = out
            subprocess.run(["firefox", "--profile", out], check=True)
            print(os.path.join(out, "report.txt"))
        """
    )
    assert finding.line == 7 and finding.confidence == Confidence.HIGH
    assert "never removed" in finding.message
    assert "tempfile.TemporaryDirectory()" in finding.suggestion


def test_removed_after_the_yield_of_a_context_manager_without_finally() -> None:
    # poetry-core (fresh9): an exception in the `with` body skips the rmtree
    (finding,) = findings(
        """
        import shutil
        import tempfile
        from contextlib import contextmanager

        @contextmanager
        def temporary_directory():
            name = tempfile.mkdtemp()
            yield name
            shutil.rmtree(name)
        """
    )
    assert "`with` body raises" in finding.message
    assert "shutil.rmtree(name)" in finding.suggestion


def test_removed_only_on_the_normal_path_and_discarded() -> None:
    found = findings(
        """
        import shutil
        import tempfile

        def build(run):
            work = tempfile.mkdtemp()
            run(work + "/build")
            shutil.rmtree(work)

        def scratch():
            tempfile.mkdtemp()
        """
    )
    assert [(f.line, f.confidence) for f in found] == [(6, Confidence.MEDIUM), (11, Confidence.HIGH)]


@pytest.mark.parametrize(
    "body",
    [
        "try:\n        run(d)\n    finally:\n        shutil.rmtree(d)",
        "atexit.register(shutil.rmtree, d)\n    run(d)",
        "self.addCleanup(shutil.rmtree, d)\n    run(d)",
        "weakref.finalize(self, shutil.rmtree, d)",
        "return d",
        "self.tmp = d",
        "registry.append(d)",
        "cleanup(d)",
        "shutil.rmtree(d, ignore_errors=True)",
        "os.rmdir(d)",
        "self._cleanup_dir(d)",
        "d = os.path.realpath(d)\n    try:\n        run(d)\n    finally:\n        shutil.rmtree(d)",
    ],
)
def test_removed_registered_returned_or_stored_is_quiet(body: str) -> None:
    source = (
        "import atexit\nimport os\nimport shutil\nimport tempfile\nimport weakref\n\n"
        "def cleanup(path):\n    shutil.rmtree(path)\n\n"
        f"def make(self, run, registry):\n    d = tempfile.mkdtemp()\n    {body}\n"
    )
    assert not findings(source)


def test_temporary_directory_as_a_context_manager_is_quiet() -> None:
    assert not findings(
        """
        import tempfile

        def build(run):
            with tempfile.TemporaryDirectory() as work:
                run(work)
        """
    )


def test_a_path_acquire_entry_needs_release_functions() -> None:
    with pytest.raises(ModelError, match="release"):
        parse_table({"acquire": {"lib.mkdir": {"category": "resource", "path": True, "release": "remove"}}}, "models", "t")
