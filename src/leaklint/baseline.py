"""Fingerprints that survive line shifts, and baseline files built from them.

A fingerprint hashes the rule code, the file's path and the flagged code's text with its
whitespace collapsed, plus an occurrence counter for identical snippets in the same file. Line
numbers are left out on purpose: code that moves keeps its fingerprint, code that is edited gets
a new one. SARIF's ``partialFingerprints``, GitLab's ``fingerprint`` and baseline files all use it.

``leaklint check --write-baseline FILE`` records the current findings; ``--baseline FILE`` hides
them, so only new findings fail a build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Set, Tuple

from leaklint.config import ConfigError
from leaklint.rule import Finding

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.output import View
    from leaklint.runner import Report

BASELINE_VERSION = 1
# A region longer than this is fingerprinted by its first line only: editing the body of a flagged
# class should not resurrect a finding about the class.
MAX_REGION_LINES = 5
# Engine findings mean "this file was not checked": baselining them would hide that for good.
NOT_BASELINED = frozenset({"LKL001", "LKL002"})


@dataclass(frozen=True)
class Fingerprint:
    base: str  # hash of code, path and normalised text
    occurrence: int  # 0 for the first identical snippet in the file, then 1, 2, ...

    def __str__(self) -> str:
        return f"{self.base}:{self.occurrence}"


def normalise(text: str) -> str:
    return " ".join(text.split())


def flagged_text(finding: Finding, lines: Sequence[str]) -> str:
    """The flagged code, whitespace-collapsed; the whole line for an empty region."""
    loc = finding.location
    if not 0 < loc.line <= len(lines):
        return ""
    first = lines[loc.line - 1]
    empty = (loc.end_line, loc.end_column) <= (loc.line, loc.column)
    if empty:
        text = first
    elif loc.end_line == loc.line:
        text = first[loc.column - 1 : loc.end_column - 1]
    elif loc.end_line - loc.line >= MAX_REGION_LINES:
        text = first[loc.column - 1 :]
    else:
        middle = list(lines[loc.line : min(loc.end_line - 1, len(lines))])
        last = lines[loc.end_line - 1][: loc.end_column - 1] if loc.end_line <= len(lines) else ""
        text = "\n".join([first[loc.column - 1 :], *middle, last])
    return normalise(text) or normalise(first)


def fingerprint_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` with forward slashes; absolute when outside it."""
    if path == "-" or path.startswith("<"):
        return path
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        return Path(absolute).as_posix()
    if relative.startswith(".."):
        return Path(absolute).as_posix()
    return PurePosixPath(Path(relative).as_posix()).as_posix()


def fingerprints(findings: Sequence[Finding], view: "View", root: Optional[str] = None) -> List[Fingerprint]:
    """One fingerprint per finding, in the same order; paths are taken relative to ``root``."""
    root = os.path.abspath(root or os.getcwd())
    bases: List[str] = []
    for finding in findings:
        text = flagged_text(finding, view.lines(finding.path))
        key = "\0".join((finding.code, fingerprint_path(finding.path, root), text))
        bases.append(hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20])
    # Occurrences count in source order, whatever order the findings came in.
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    seen: Dict[str, int] = defaultdict(int)
    occurrences = [0] * len(findings)
    for index in order:
        occurrences[index] = seen[bases[index]]
        seen[bases[index]] += 1
    return [Fingerprint(base, occurrence) for base, occurrence in zip(bases, occurrences)]


# -- baseline files -------------------------------------------------------------------------------


def _root_of(baseline_file: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_file))


def write_baseline(baseline_file: str, findings: Sequence[Finding], view: "View") -> int:
    """Record ``findings`` (engine errors excepted) in ``baseline_file``; returns how many."""
    kept = [f for f in findings if f.code not in NOT_BASELINED]
    root = _root_of(baseline_file)
    entries = [
        {"fingerprint": str(fp), "code": f.code, "path": fingerprint_path(f.path, root), "line": f.line, "message": f.message}
        for f, fp in zip(kept, fingerprints(kept, view, root))
    ]
    entries.sort(key=lambda e: (e["path"], e["line"], e["code"], e["fingerprint"]))
    document = {
        "leaklint-baseline": BASELINE_VERSION,
        "comment": "Findings recorded by `leaklint check --write-baseline`; `--baseline` hides them. "
        "Lines are for reading only: matching uses the fingerprints.",
        "findings": entries,
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    try:
        Path(baseline_file).write_text(text, encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot write baseline {baseline_file}: {error.strerror or error}") from None
    return len(entries)


def read_baseline(baseline_file: str) -> Set[str]:
    """The fingerprints recorded in ``baseline_file``. Raises ConfigError when it is unusable."""
    try:
        document = json.loads(Path(baseline_file).read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read baseline {baseline_file}: {error.strerror or error}") from None
    except ValueError as error:
        raise ConfigError(f"baseline {baseline_file} is not valid JSON: {error}") from None
    except RecursionError:
        raise ConfigError(f"baseline {baseline_file} is not valid JSON: nested too deeply") from None
    if not isinstance(document, dict) or document.get("leaklint-baseline") != BASELINE_VERSION:
        raise ConfigError(f"{baseline_file} is not a leaklint baseline (version {BASELINE_VERSION})")
    entries = document.get("findings")
    if not isinstance(entries, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise ConfigError(f"baseline {baseline_file}: `findings` must be a list of objects with a fingerprint")
    for entry in entries:
        # Matching is by exact fingerprint, so only a whole one can hide a finding; anything else
        # (a pattern, a bare hash without its occurrence) is a mistake or an attempt to hide more.
        if not _FINGERPRINT.match(entry["fingerprint"]):
            raise ConfigError(f"baseline {baseline_file}: {entry['fingerprint']!r} is not a leaklint fingerprint")
    return {entry["fingerprint"] for entry in entries}


_FINGERPRINT = re.compile(r"^[0-9a-f]{20}:(0|[1-9][0-9]{0,8})$")


def filter_baselined(
    findings: Sequence[Finding], view: "View", baseline_file: str
) -> Tuple[List[Finding], int]:
    """The findings not recorded in the baseline, and how many were hidden."""
    recorded = read_baseline(baseline_file)
    prints = fingerprints(findings, view, _root_of(baseline_file))
    kept = [f for f, fp in zip(findings, prints) if f.code in NOT_BASELINED or str(fp) not in recorded]
    return kept, len(findings) - len(kept)


def apply_baseline_options(
    report: "Report", view: "View", baseline: Optional[str], write_to: Optional[str], quiet: bool = False
) -> None:
    """The CLI's hook: write the baseline, or hide what it records. Messages go to stderr."""
    if write_to:
        count = write_baseline(write_to, report.findings, view)
        report.findings = [f for f in report.findings if f.code in NOT_BASELINED]
        if not quiet:
            print(f"leaklint: recorded {count} finding{'s' if count != 1 else ''} in {write_to}", file=sys.stderr)
        return
    if baseline:
        report.findings, hidden = filter_baselined(report.findings, view, baseline)
        if hidden and not quiet:
            print(f"leaklint: {hidden} finding{'s' if hidden != 1 else ''} hidden by the baseline {baseline}", file=sys.stderr)
