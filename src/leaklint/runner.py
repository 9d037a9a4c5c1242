"""Linting many files: finding them, checking each, then the project pass."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, List, Optional, Sequence, Set, Tuple

from leaklint.config import Settings
from leaklint.engine import FileResult, analyze_source, check_project
from leaklint.rule import Finding

PYTHON_SUFFIXES = (".py", ".pyi")


@dataclass
class Problem:
    """A path that could not be checked at all (missing, unreadable): reported, exit code 2."""

    path: str
    message: str


@dataclass
class Report:
    findings: List[Finding] = field(default_factory=list)
    problems: List[Problem] = field(default_factory=list)
    files_checked: int = 0

    @property
    def internal_errors(self) -> int:
        return sum(1 for finding in self.findings if finding.code == "LKL002")


def discover(paths: Sequence[str], settings: Settings) -> Tuple[List[str], List[Problem]]:
    """Python files under ``paths``. Explicit files are always checked; walked ones obey excludes."""
    files: List[str] = []
    problems: List[Problem] = []
    seen: Set[str] = set()

    def add(path: str) -> None:
        key = os.path.normcase(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in paths:
        path = Path(given)
        if not os.path.lexists(given):
            problems.append(Problem(given, "no such file or directory"))
        elif path.is_dir():
            for found in _walk_directory(path, settings, problems):
                add(found)
        elif path.is_file():
            add(given)
        else:
            problems.append(Problem(given, _not_a_file(given)))
    return files, problems


def _not_a_file(path: str) -> str:
    """Why an existing path is neither a file nor a folder: a symlink loop, a dangling link..."""
    try:
        os.stat(path)
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    return "not a regular file or directory (a FIFO, socket or device is never opened)"


def _walk_directory(root: Path, settings: Settings, problems: List[Problem]) -> Iterator[str]:
    visited: Set[Tuple[int, int]] = set()

    def on_error(error: OSError) -> None:
        problems.append(Problem(str(error.filename or root), error.strerror or str(error)))

    for folder, subfolders, filenames in os.walk(root, onerror=on_error, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop: do not go round again
            subfolders[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        subfolders[:] = sorted(d for d in subfolders if not settings.is_excluded(Path(folder) / d))
        for name in sorted(filenames):
            if not name.endswith(PYTHON_SUFFIXES):
                continue
            candidate = Path(folder) / name
            if settings.is_excluded(candidate) or not candidate.is_file():
                continue
            yield str(candidate)


def read_file(path: str) -> Tuple[Optional[bytes], Optional[str]]:
    try:
        with open(path, "rb") as handle:
            return handle.read(), None
    except OSError as error:
        return None, error.strerror or str(error)


def lint_file(
    path: str, settings: Settings, data: Optional[bytes] = None, text_edits: bool = False
) -> Tuple[Optional[FileResult], Optional[Problem]]:
    if data is None:
        data, error = read_file(path)
        if data is None:
            return None, Problem(path, f"cannot read: {error}")
    analysis = analyze_source(data, path, settings.rules_for(path), settings.rule_settings(), text_edits=text_edits)
    return analysis.result, None


# Below this much source, worker start-up (fork + libcst import) costs more than it saves.
_POOL_MIN_BYTES = 256 * 1024
_worker_settings: Optional[Settings] = None
_worker_text_edits = False


def _init_worker(settings: Settings, text_edits: bool) -> None:
    global _worker_settings, _worker_text_edits
    _worker_settings, _worker_text_edits = settings, text_edits


def _lint_in_worker(path: str) -> Tuple[str, Optional[FileResult], Optional[Problem]]:
    assert _worker_settings is not None
    result, problem = lint_file(path, _worker_settings, text_edits=_worker_text_edits)
    return path, result, problem


def _sizes(files: Sequence[str]) -> List[int]:
    sizes = []
    for path in files:
        try:
            sizes.append(os.path.getsize(path))
        except OSError:
            sizes.append(0)
    return sizes


def lint_files(files: Sequence[str], settings: Settings, jobs: Optional[int] = None, text_edits: bool = False) -> Report:
    """Check ``files``, in worker processes when there is enough work to pay for them."""
    report = Report()
    jobs = jobs or os.cpu_count() or 1
    sizes = _sizes(files)
    outcomes: List[Tuple[str, Optional[FileResult], Optional[Problem]]] = []
    if jobs > 1 and len(files) > 1 and sum(sizes) >= _POOL_MIN_BYTES:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Largest files first, so no worker is left with a big file at the end.
        ordered = [path for _, path in sorted(zip(sizes, files), key=lambda pair: -pair[0])]
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(files)),
            mp_context=multiprocessing.get_context(method),
            initializer=_init_worker,
            initargs=(settings, text_edits),
        ) as pool:
            outcomes = list(pool.map(_lint_in_worker, ordered, chunksize=1))
    else:
        for path in files:
            result, problem = lint_file(path, settings, text_edits=text_edits)
            outcomes.append((path, result, problem))
    results: List[FileResult] = []
    for _, result, problem in outcomes:
        if problem is not None:
            report.problems.append(problem)
        elif result is not None:
            results.append(result)
    return finish(report, results, settings)


def finish(report: Report, results: Sequence[FileResult], settings: Settings) -> Report:
    """Add per-file findings and the project pass to ``report``."""
    for result in results:
        report.findings.extend(result.findings)
    report.files_checked += len(results)
    report.findings.extend(check_project(results, settings.rules(), settings.rule_settings(), settings.rules_for))
    report.findings.sort(key=Finding.sort_key)
    return report


def lint_paths(paths: Sequence[str], settings: Optional[Settings] = None) -> Report:
    from leaklint.config import load_settings

    if settings is None:
        settings = load_settings(Path(paths[0]) if paths else Path.cwd())
    files, problems = discover(paths, settings)
    report = lint_files(files, settings)
    report.problems[:0] = problems
    return report
