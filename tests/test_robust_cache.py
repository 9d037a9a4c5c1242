"""The result cache (issue 10) survives corruption and concurrent runs, and never serves a stale
result. Skipped until ``leaklint.cache`` exists.

Assumed interface, kept minimal: ``leaklint check --cache-dir DIR`` keeps its cache files under
DIR (any layout, any names); ``--no-cache`` turns it off. Nothing else is assumed: corruption is
done to every regular file found under DIR.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

from robust_helpers import LEAK, Run, run_subprocess, write_bytes

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("leaklint.cache") is None, reason="the cache (issue 10) is not merged yet"
)


def _project(root: Path) -> Path:
    project = root / "project"
    for index in range(12):
        write_bytes(project, f"pkg/clean_{index}.py", b"SIZE = %d\n" % index)
        write_bytes(project, f"pkg/leaky_{index}.py", ("a = 1\n" * index + LEAK).encode())
    write_bytes(project, "broken.py", b"def f(:\n")
    write_bytes(project, "silenced.py", b"X = [0] * 10 ** 12  # noqa: LKL501\n")
    return project


def _check(project: Path, cache: Path, *extra: str) -> Run:
    return run_subprocess(["check", "--format", "concise", "--jobs", "1", "--cache-dir", str(cache), *extra, "."], project)


def _cache_files(cache: Path) -> List[Path]:
    return sorted(p for p in cache.rglob("*") if p.is_file())


def _same(run: Run, baseline: Run) -> None:
    assert "Traceback" not in run.err, run.err[-2000:]
    assert run.code == baseline.code, run.err[-2000:]
    assert run.out == baseline.out


def test_cache_is_used_and_agrees(tmp_path: Path) -> None:
    project, cache = _project(tmp_path), tmp_path / "cache"
    baseline = run_subprocess(["check", "--format", "concise", "--jobs", "1", "--no-cache", "."], project)
    first = _check(project, cache)
    assert _cache_files(cache), "the cache writes under --cache-dir"
    _same(first, baseline)
    _same(_check(project, cache), baseline)
    assert not (project / ".leaklint_cache").exists(), "--cache-dir is honoured"


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "flipped", "directory"])
def test_corrupt_cache_is_rebuilt(damage: str, tmp_path: Path) -> None:
    project, cache = _project(tmp_path), tmp_path / "cache"
    baseline = _check(project, cache)
    files = _cache_files(cache)
    assert files
    for path in files:
        data = path.read_bytes()
        if damage == "empty":
            path.write_bytes(b"")
        elif damage == "truncated":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "garbage":
            path.write_bytes(os.urandom(max(len(data), 64)))
        elif damage == "flipped" and data:
            middle = len(data) // 2
            path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
        elif damage == "directory":
            path.unlink()
            path.mkdir()
    _same(_check(project, cache), baseline)
    _same(_check(project, cache), baseline)


def test_cache_dir_is_a_file(tmp_path: Path) -> None:
    project = _project(tmp_path)
    blocker = tmp_path / "not_a_dir"
    blocker.write_bytes(b"x")
    baseline = run_subprocess(["check", "--format", "concise", "--jobs", "1", "--no-cache", "."], project)
    run = _check(project, blocker)
    assert "Traceback" not in run.err
    assert run.out == baseline.out, "the findings do not depend on the cache working"
    assert blocker.read_bytes() == b"x"


def test_no_stale_result_when_content_changes_but_not_size_or_mtime(tmp_path: Path) -> None:
    project, cache = _project(tmp_path), tmp_path / "cache"
    target = project / "pkg" / "clean_3.py"
    _check(project, cache)
    info = target.stat()
    target.write_bytes(b"Z = [0] * 10 ** 12\n"[: info.st_size].ljust(info.st_size, b" "))
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    fresh = run_subprocess(["check", "--format", "concise", "--jobs", "1", "--no-cache", "."], project)
    _same(_check(project, cache), fresh)


def test_two_concurrent_runs_share_a_cache(tmp_path: Path) -> None:
    project, cache = _project(tmp_path), tmp_path / "cache"
    baseline = run_subprocess(["check", "--format", "concise", "--jobs", "1", "--no-cache", "."], project)
    command = [sys.executable, "-m", "leaklint", "check", "--format", "concise", "--cache-dir", str(cache), "."]
    for _ in range(3):  # a few rounds: the race is in who writes first
        processes = [
            subprocess.Popen(command + ["--jobs", str(jobs)], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for jobs in (1, 2)
        ]
        for process in processes:
            out, err = process.communicate(timeout=600)
            _same(Run(process.returncode, out, err), baseline)
    _same(_check(project, cache), baseline)
    leftovers: List[Path] = [p for p in cache.rglob("*") if p.name.endswith((".tmp", ".partial"))]
    assert not leftovers, leftovers
