"""``--diff-base REV``: which lines changed since a git revision, to report findings there only.

The whole project is still analysed (cross-file facts need every file); only the report is
narrowed. Lines come from ``git diff --unified=0 REV`` (the working tree against REV) in the
repository holding the working folder; files git does not track yet count as changed throughout.
A finding about several statements counts as changed when any of them changed: a change that
adds one hop of a reference cycle (in another module than the one the finding is reported in)
makes the cycle new.
"""

from __future__ import annotations

import os
import re
import subprocess
from typing import Dict, List, Sequence, Set, Tuple

from leaklint.config import ConfigError
from leaklint.rule import Finding

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
ALL_LINES = -1  # a file that is new to git: every line counts as changed


class ChangedLines:
    def __init__(self, lines: Dict[str, Set[int]]) -> None:
        self.lines = lines  # normalised absolute path -> changed line numbers (or {ALL_LINES})

    def touches(self, finding: Finding) -> bool:
        lines = range(finding.line, max(finding.line, finding.location.end_line) + 1)
        return self._touched(finding.path, lines) or any(self._touched(hop.path, (hop.line,)) for hop in finding.related)

    def _touched(self, path: str, lines: Sequence[int]) -> bool:
        changed = self.lines.get(_key(path))
        if not changed:
            return False
        return ALL_LINES in changed or any(line in changed for line in lines)


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _git(args: Sequence[str], cwd: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False, timeout=300
        )
    except FileNotFoundError:
        raise ConfigError("--diff-base needs git, which is not installed") from None
    except subprocess.TimeoutExpired:
        raise ConfigError(f"--diff-base: `git {' '.join(args)}` did not finish in 300 s") from None
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConfigError(f"--diff-base: `git {' '.join(args)}` failed: {reason[-1] if reason else done.returncode}")
    return done.stdout.decode("utf-8", "surrogateescape")


def changed_since(revision: str, cwd: str = ".") -> ChangedLines:
    """The lines changed in the working tree since ``revision`` (a commit, branch or tag)."""
    if revision.startswith("-"):
        raise ConfigError(f"--diff-base: {revision!r} is not a revision")
    top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    except ConfigError:
        raise ConfigError(f"--diff-base: {revision!r} is not a commit in {top} (a shallow clone may lack it)") from None
    diff = _git(
        ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", revision, "--"],
        top,
    )
    lines = parse_diff(diff, top)
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in filter(None, untracked.split("\0")):
        lines[_key(os.path.join(top, name))] = {ALL_LINES}
    return ChangedLines(lines)


def parse_diff(diff: str, top: str) -> Dict[str, Set[int]]:
    """Changed new-side line numbers per file from a ``--unified=0`` diff."""
    lines: Dict[str, Set[int]] = {}
    current: Set[int] = set()
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name == "/dev/null":
                current = set()  # a deleted file
                continue
            name = name[2:] if name.startswith("b/") else name
            current = lines.setdefault(_key(os.path.join(top, _unquote(name))), set())
            continue
        match = _HUNK.match(line)
        if match:
            start = int(match.group("start"))
            count = 1 if match.group("count") is None else int(match.group("count"))
            current.update(range(start, start + count))
    return lines


def _unquote(name: str) -> str:
    """git quotes unusual file names in C style ("a\\tb.py")."""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        body = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
        return body.encode("latin-1", "replace").decode("utf-8", "replace")
    return name


def keep_changed(findings: List[Finding], changed: ChangedLines) -> Tuple[List[Finding], int]:
    """The findings on changed lines, and how many others were left out."""
    kept = [finding for finding in findings if changed.touches(finding)]
    return kept, len(findings) - len(kept)
