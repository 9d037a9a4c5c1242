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
            problems.append(Problem(given, "not a regular file or directory"))
    return files, problems


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


def lint_file(path: str, settings: Settings, data: Optional[bytes] = None) -> Tuple[Optional[FileResult], Optional[Problem]]:
    if data is None:
        data, error = read_file(path)
        if data is None:
            return None, Problem(path, f"cannot read: {error}")
    analysis = analyze_source(data, path, settings.rules_for(path), settings.rule_settings())
    return analysis.result, None


def lint_files(files: Sequence[str], settings: Settings) -> Report:
    report = Report()
    results: List[FileResult] = []
    for path in files:
        result, problem = lint_file(path, settings)
        if problem is not None:
            report.problems.append(problem)
            continue
        assert result is not None
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
