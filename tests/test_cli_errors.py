"""Failures to write the report and paths that cannot be read, through the real CLI: one line on
standard error, exit 2, no traceback and nothing that claims success (issue 22)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest

LEAKY = "import json\n\n\ndef load(p):\n    return json.load(open(p))\n"


def run(args: List[str], cwd: Path, stdout: Optional[object] = subprocess.PIPE, shell_suffix: str = "") -> "subprocess.CompletedProcess[str]":
    command = [sys.executable, "-m", "leaklint", "check", "--no-cache", *args]
    if shell_suffix:
        quoted = " ".join(f"'{part}'" for part in command)
        return subprocess.run(
            ["bash", "-c", f"{quoted} {shell_suffix}"], cwd=cwd, stderr=subprocess.PIPE, text=True, check=False, timeout=120
        )
    return subprocess.run(command, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False, timeout=120)


def assert_one_error_line(done: "subprocess.CompletedProcess[str]", *fragments: str) -> None:
    lines = done.stderr.splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1, lines
    assert lines[0].startswith("leaklint: error: "), lines
    for fragment in fragments:
        assert fragment in lines[0], lines
    assert "Traceback" not in done.stderr and "passed" not in done.stderr


@pytest.fixture
def leaky(tmp_path: Path) -> Path:
    (tmp_path / "leaky.py").write_text(LEAKY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "target, reason",
    [("missing/dir/out.txt", "No such file or directory"), (".", "Is a directory")],
)
def test_output_file_that_cannot_be_written(leaky: Path, target: str, reason: str) -> None:
    done = run(["--output-file", target, "leaky.py"], leaky)
    assert_one_error_line(done, "cannot write the report to", reason)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_file_on_a_full_disk(leaky: Path) -> None:
    done = run(["--output-file", "/dev/full", "--format", "json", "leaky.py"], leaky)
    assert_one_error_line(done, "/dev/full", "No space left on device")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_standard_output_on_a_full_disk(leaky: Path) -> None:
    with open("/dev/full", "w") as full:
        done = run(["leaky.py"], leaky, stdout=full)
    assert_one_error_line(done, "standard output", "No space left on device")


def test_standard_output_closed(leaky: Path) -> None:
    done = run(["leaky.py"], leaky, shell_suffix=">&-")
    assert_one_error_line(done, "standard output is closed")


def test_standard_output_closed_is_fine_with_an_output_file(leaky: Path) -> None:
    done = run(["--output-file", "report.txt", "-q", "leaky.py"], leaky, shell_suffix=">&-")
    assert done.returncode == 1 and done.stderr == ""
    assert "LKL301" in (leaky / "report.txt").read_text(encoding="utf-8")


def test_missing_path(tmp_path: Path) -> None:
    assert_one_error_line(run(["nope.py"], tmp_path), "nope.py", "no such file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    assert_one_error_line(run(["pipe.py"], tmp_path), "pipe.py", "FIFO")


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        target = tmp_path / "secret.py"
        target.write_text("x = 1\n", encoding="utf-8")
        target.chmod(0)
        expected = "Permission denied"
    elif os.path.exists("/proc/self/mem"):
        # Root reads any mode bits, so chmod 000 proves nothing here; reading a process's own
        # memory file from offset 0 fails with EIO for root too: a regular file that cannot be read.
        target, expected = Path("/proc/self/mem"), "Input/output error"
    else:  # pragma: no cover - root without /proc
        pytest.skip("running as root without /proc: no file root cannot read")
    done = run([str(target)], tmp_path)
    assert_one_error_line(done, "cannot read", expected)


def test_unreadable_path_next_to_findings_reports_both_without_success(leaky: Path) -> None:
    done = run(["leaky.py", "nope.py"], leaky)
    assert done.returncode == 2
    assert "LKL301" in done.stdout
    assert "leaklint: error: nope.py: no such file or directory" in done.stderr
    assert "All checks passed" not in done.stderr and "Traceback" not in done.stderr
