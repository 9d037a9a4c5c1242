"""The result cache: hits, misses for every input that decides a result, and damage tolerance."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

import leaklint
from leaklint import cache as cache_module
from leaklint.cache import Cache, open_cache
from leaklint.config import Settings
from leaklint.engine import FileResult
from leaklint.rule import Finding, Location
from leaklint.runner import Report, lint_files

LEAKY = "X = [0] * 10 ** 12\n"
CLEAN = "x = 1\n"


def make_files(folder: Path, count: int = 3) -> List[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"m{index}.py"
        path.write_text(LEAKY if index == 0 else CLEAN)
        paths.append(str(path))
    return paths


def run(files: List[str], settings: Settings, directory: Path, text_edits: bool = False) -> "tuple[Report, Cache]":
    cache = Cache(directory, settings, text_edits=text_edits)
    return lint_files(files, settings, jobs=1, cache=cache, text_edits=text_edits), cache


def codes(report: Report) -> List[str]:
    return sorted(f"{Path(f.path).name}:{f.line}:{f.code}" for f in report.findings)


def test_warm_run_hits_and_parses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    cold, first = run(files, settings, tmp_path / "cache")
    assert (first.hits, first.misses) == (0, 3)
    assert codes(cold) == ["m0.py:1:LKL501"]

    monkeypatch.setattr("leaklint.runner.analyze_source", lambda *a, **k: pytest.fail("parsed on a warm run"))
    warm, second = run(files, settings, tmp_path / "cache")
    assert (second.hits, second.misses) == (3, 0)
    assert codes(warm) == codes(cold)
    assert warm.findings == cold.findings
    assert warm.files_checked == 3


def test_cache_folder_has_gitignore(tmp_path: Path) -> None:
    run(make_files(tmp_path / "src", 1), Settings(root=str(tmp_path)), tmp_path / "cache")
    assert (tmp_path / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_changed_content_is_a_miss(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    run(files, settings, tmp_path / "cache")
    Path(files[1]).write_text(LEAKY)
    report, cache = run(files, settings, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (2, 1)
    assert codes(report) == ["m0.py:1:LKL501", "m1.py:1:LKL501"]


def test_changed_settings_are_a_miss(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src")
    run(files, Settings(root=str(tmp_path)), tmp_path / "cache")
    report, cache = run(files, Settings(root=str(tmp_path), ignore=("LKL501",)), tmp_path / "cache")
    assert cache.hits == 0
    assert codes(report) == []
    # and the first settings still find their own entries
    again, cache = run(files, Settings(root=str(tmp_path)), tmp_path / "cache")
    assert cache.hits == 3 and codes(again) == ["m0.py:1:LKL501"]


def test_per_file_rules_are_part_of_the_key(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src")
    run(files, Settings(root=str(tmp_path)), tmp_path / "cache")
    ignoring = Settings(root=str(tmp_path), per_file_ignores=(("src/m0.py", ("LKL501",)),))
    report, _ = run(files, ignoring, tmp_path / "cache")
    assert codes(report) == []


def test_other_version_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    run(files, settings, tmp_path / "cache")
    monkeypatch.setattr(leaklint, "__version__", "999.0")
    _, cache = run(files, settings, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (0, 3)


def test_changed_leaklint_code_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    run(files, settings, tmp_path / "cache")
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "edited")
    _, cache = run(files, settings, tmp_path / "cache")
    assert cache.hits == 0


def test_text_edits_runs_have_their_own_entries(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    run(files, settings, tmp_path / "cache")
    _, cache = run(files, settings, tmp_path / "cache", text_edits=True)
    assert cache.hits == 0


def test_display_path_is_part_of_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = make_files(tmp_path / "src", 1)
    settings = Settings(root=str(tmp_path))
    run(files, settings, tmp_path / "cache")
    monkeypatch.chdir(tmp_path)
    report, cache = run([os.path.join("src", "m0.py")], settings, tmp_path / "cache")
    assert cache.hits == 0
    assert [f.path for f in report.findings] == [os.path.join("src", "m0.py")]


def entries(directory: Path) -> List[Path]:
    return [p for p in directory.rglob("*.json") if not p.name.startswith(".tmp-")]


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[: len(blob) // 2],
        lambda blob: blob[:20],
        lambda blob: b"garbage" * 10,
        lambda blob: blob[:-10] + b"\x00" * 10,
        lambda blob: blob[: len(cache_module._FORMAT) + 64] + b"{not json",
        lambda blob: blob[:-2] + bytes([blob[-2] ^ 1]) + blob[-1:],
    ],
    ids=["empty", "half", "header-only", "garbage", "tail-zeroed", "bad-json", "flipped-byte"],
)
def test_damaged_entries_are_rebuilt(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    cold, _ = run(files, settings, tmp_path / "cache")
    for entry in entries(tmp_path / "cache"):
        entry.write_bytes(damage(entry.read_bytes()))
    report, cache = run(files, settings, tmp_path / "cache")
    assert codes(report) == codes(cold)
    assert cache.hits == 0
    _, cache = run(files, settings, tmp_path / "cache")
    assert cache.hits == 3  # rewritten


def test_entry_for_other_content_is_ignored(tmp_path: Path) -> None:
    settings = Settings(root=str(tmp_path))
    cache = Cache(tmp_path / "cache", settings)
    path = str(tmp_path / "a.py")
    cache.store(path, b"x = 1\n", FileResult(path))
    assert cache.load(path, b"x = 2\n") is None
    assert cache.load(path, b"x = 1\n") == FileResult(path)


def test_facts_and_suppressions_round_trip(tmp_path: Path) -> None:
    settings = Settings(root=str(tmp_path))
    cache = Cache(tmp_path / "cache", settings)
    path = str(tmp_path / "a.py")
    finding = Finding(path, "LKL501", "memory-exhausting-constant", "m", "s", Location(1, 1, 1, 5))
    from leaklint.suppression import parse_suppressions

    result = FileResult(path, [finding], {"LKL999": {"classes": ["a.A"]}}, parse_suppressions("x = 1  # noqa: LKL501\n"))
    cache.store(path, b"data", result)
    loaded = Cache(tmp_path / "cache", settings).load(path, b"data")
    assert loaded == result


def test_internal_errors_are_not_cached(tmp_path: Path) -> None:
    settings = Settings(root=str(tmp_path))
    cache = Cache(tmp_path / "cache", settings)
    path = str(tmp_path / "a.py")
    broken = Finding(path, "LKL002", "internal-error", "m", "s", Location(1, 1, 1, 1))
    cache.store(path, b"data", FileResult(path, [broken]))
    assert cache.load(path, b"data") is None


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    files = make_files(tmp_path / "src")
    report, cache = run(files, Settings(root=str(tmp_path)), blocker)
    assert codes(report) == ["m0.py:1:LKL501"]
    assert not cache.writable


def test_default_directory_follows_settings(tmp_path: Path) -> None:
    default = cache_module.default_directory(Settings(root=str(tmp_path)))
    assert default == cache_module.project_directory(str(tmp_path))
    assert default.parent == Path(os.environ["XDG_CACHE_HOME"]) / "leaklint" / "projects"
    assert cache_module.project_directory(str(tmp_path / "other")) != default
    assert cache_module.default_directory(Settings(root=str(tmp_path), cache_dir="c")) == tmp_path / "c"
    absolute = str(tmp_path / "elsewhere")
    assert open_cache(Settings(root=str(tmp_path), cache_dir=absolute)).directory == Path(absolute)  # type: ignore[union-attr]


def _hammer(directory: str, path: str, rounds: int) -> int:
    settings = Settings(root=os.path.dirname(path))
    cache = Cache(Path(directory), settings)
    data = b"x = 1\n"
    result = FileResult(path, [Finding(path, "LKL501", "n", "m" * 2000, "s", Location(1, 1, 1, 2))])
    wrong = 0
    for _ in range(rounds):
        cache.store(path, data, result)
        loaded = cache.load(path, data)
        if loaded is not None and loaded != result:
            wrong += 1
    return wrong


def test_concurrent_writers_never_expose_partial_entries(tmp_path: Path) -> None:
    path = str(tmp_path / "a.py")
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    with context.Pool(4) as pool:
        results = pool.starmap_async(_hammer, [(str(tmp_path / "cache"), path, 200)] * 4)
        assert sum(results.get(timeout=60)) == 0
    assert len(entries(tmp_path / "cache")) == 1
    assert not list((tmp_path / "cache").rglob(".tmp-*"))


def test_cli_uses_and_skips_the_cache(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(LEAKY)
    command = [sys.executable, "-m", "leaklint", "check", "--format", "concise", "a.py"]
    env = {**os.environ, "CI": "true"}
    first = subprocess.run(command + ["--no-cache"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert first.returncode == 1 and "LKL501" in first.stdout
    user_folder = cache_module.project_directory(str(tmp_path))
    assert not user_folder.exists()
    second = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert second.stdout == first.stdout
    assert entries(user_folder), "the default cache is in the user's cache folder"
    assert not (tmp_path / ".leaklint_cache").exists(), "nothing is written into the checked tree"
    third = subprocess.run(command + ["--cache-dir", "elsewhere"], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert third.stdout == first.stdout
    assert entries(tmp_path / "elsewhere")


def test_worker_processes_fill_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs after files were analysed in this process: forked workers must not reuse the
    # parent's big-stack executor (its thread does not exist in the child; it used to hang).
    from leaklint.engine import analyze_source

    analyze_source("x = 1\n", "warm-up.py", [], {})
    monkeypatch.setattr("leaklint.runner._POOL_MIN_BYTES", 0)  # a pool even for tiny files
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    cache = Cache(tmp_path / "cache", settings)
    cold = lint_files(files, settings, jobs=2, cache=cache)
    assert codes(cold) == ["m0.py:1:LKL501"]
    warm, cache = run(files, settings, tmp_path / "cache")
    assert cache.hits == 3 and warm.findings == cold.findings


def test_workers_write_their_own_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pooled run's entries are written by the workers that checked the files: the parent
    receives packed results and never encodes one (it used to unpickle each live result, encode
    it and pack it again)."""
    monkeypatch.setattr("leaklint.runner._POOL_MIN_BYTES", 0)
    log = tmp_path / "stores.txt"
    original = Cache.store_digest

    def store_digest(self: Cache, path: str, digest: bytes, result: FileResult) -> None:
        with open(log, "a") as out:
            out.write(f"{os.getpid()}\n")
        original(self, path, digest, result)

    monkeypatch.setattr(Cache, "store_digest", store_digest)
    files = make_files(tmp_path / "src", count=4)
    settings = Settings(root=str(tmp_path))
    cold = lint_files(files, settings, jobs=2, cache=Cache(tmp_path / "cache", settings))
    writers = log.read_text().split()
    assert len(writers) == 4 and str(os.getpid()) not in writers
    warm, cache = run(files, settings, tmp_path / "cache")
    assert (cache.hits, cache.misses) == (4, 0) and warm.findings == cold.findings


def test_progress_counts_every_file(tmp_path: Path) -> None:
    files = make_files(tmp_path / "src")
    settings = Settings(root=str(tmp_path))
    seen: List["tuple[int, int]"] = []
    lint_files(files, settings, jobs=1, cache=Cache(tmp_path / "cache", settings), progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (3, 3)
    seen.clear()
    Path(files[2]).write_text(LEAKY)
    lint_files(files, settings, jobs=1, cache=Cache(tmp_path / "cache", settings), progress=lambda d, t: seen.append((d, t)))
    assert seen == [(2, 3), (3, 3)]  # the two hits at once, then the changed file
