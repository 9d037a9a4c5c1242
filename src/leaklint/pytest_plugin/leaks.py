"""What the runtime plugin reports, and its JSON file (read back by ``leaklint check --runtime-report``).

This module imports neither pytest nor the linter: the plugin writes the file, the CLI reads it.
Paths inside the file are relative to the pytest rootdir when they are under it (so the report can
be moved with the checkout) and absolute otherwise; ``rootdir`` says what they are relative to.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, List, Optional, Sequence, Tuple

FORMAT_VERSION = 1
KINDS = ("cycles", "resources", "threads", "tasks", "growth")

Site = Tuple[str, int]  # (path, line)
Span = Tuple[str, int, int]  # (path, first line, last line): a class or function body


@dataclass
class RuntimeLeak:
    """One thing a test left behind, tied to the source line that created it."""

    test: str  # the pytest node id
    kind: str  # one of KINDS
    codes: List[str]  # the static rules this shape corresponds to, the best match first
    type: str  # the leaked object's type(s), as a reader would name them
    summary: str  # one line: what leaked and why it counts
    size: Optional[int] = None  # bytes, where known
    path: Optional[str] = None  # the allocation (or start, or definition) site
    line: Optional[int] = None
    traceback: List[Site] = field(default_factory=list)  # user frames, most recent first
    spans: List[Span] = field(default_factory=list)  # bodies of the classes/functions involved

    @property
    def code(self) -> str:
        return self.codes[0]

    def where(self) -> str:
        if self.path is None:
            return "allocation site unknown (tracemalloc was off or started too late)"
        return f"{self.path}:{self.line}"

    def sites(self) -> List[Site]:
        """Every file:line this leak names: the site first, then the rest of the traceback."""
        found: List[Site] = []
        if self.path is not None and self.line is not None:
            found.append((self.path, self.line))
        found.extend(site for site in self.traceback if site not in found)
        return found


def format_size(size: Optional[int]) -> str:
    if size is None:
        return ""
    value = float(size)
    for unit in ("B", "KiB", "MiB"):
        if value < 1024 or unit == "MiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"  # pragma: no cover - loop always returns


def _relative(path: Optional[str], rootdir: str) -> Optional[str]:
    if path is None or path.startswith("<"):
        return path
    try:
        relative = os.path.relpath(path, rootdir)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def to_json(leaks: Sequence[RuntimeLeak], rootdir: str, tests_checked: int, checks: Sequence[str]) -> Dict[str, Any]:
    rows = []
    for leak in leaks:
        row = asdict(leak)
        row["code"] = leak.code
        row["path"] = _relative(leak.path, rootdir)
        row["traceback"] = [[_relative(p, rootdir), line] for p, line in leak.traceback]
        row["spans"] = [[_relative(p, rootdir), start, end] for p, start, end in leak.spans]
        rows.append(row)
    return {
        "leaklint_runtime_report": FORMAT_VERSION,
        "rootdir": rootdir,
        "tests_checked": tests_checked,
        "checks": list(checks),
        "leaks": rows,
    }


def to_wire(leak: RuntimeLeak) -> Dict[str, Any]:
    """A leak as plain data, to cross from a pytest-xdist worker to the controller."""
    return asdict(leak)


def from_wire(row: Dict[str, Any]) -> RuntimeLeak:
    fields = dict(row)
    fields["traceback"] = [(str(p), int(n)) for p, n in row.get("traceback", [])]
    fields["spans"] = [(str(p), int(a), int(b)) for p, a, b in row.get("spans", [])]
    return RuntimeLeak(**fields)


def write_report(path: str, leaks: Sequence[RuntimeLeak], rootdir: str, tests_checked: int, checks: Sequence[str]) -> None:
    data = to_json(leaks, rootdir, tests_checked, checks)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2)
        handle.write("\n")


class ReportError(ValueError):
    """The file is not a runtime report this version understands."""


def read_report(path: str) -> List[RuntimeLeak]:
    """The leaks of a report written by ``--leaklint-report``, with absolute paths."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise ReportError(f"cannot read runtime report {path}: {error}") from error
    if not isinstance(data, dict) or data.get("leaklint_runtime_report") != FORMAT_VERSION:
        raise ReportError(f"{path} is not a leaklint runtime report (written by `pytest --leaklint --leaklint-report=FILE`)")
    rootdir = str(data.get("rootdir") or os.path.dirname(os.path.abspath(path)))

    def absolute(p: Optional[str]) -> Optional[str]:
        if p is None or p.startswith("<") or os.path.isabs(p):
            return p
        return os.path.join(rootdir, p)

    leaks = []
    for row in data.get("leaks", []):
        try:
            leaks.append(
                RuntimeLeak(
                    test=str(row["test"]),
                    kind=str(row["kind"]),
                    codes=[str(c) for c in row["codes"]],
                    type=str(row.get("type", "")),
                    summary=str(row.get("summary", "")),
                    size=row.get("size"),
                    path=absolute(row.get("path")),
                    line=row.get("line"),
                    traceback=[(str(absolute(p)), int(n)) for p, n in row.get("traceback", [])],
                    spans=[(str(absolute(p)), int(a), int(b)) for p, a, b in row.get("spans", [])],
                )
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ReportError(f"{path}: malformed leak entry {row!r}: {error}") from error
    return leaks
