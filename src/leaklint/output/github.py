"""GitHub Actions workflow commands: one annotation per finding, then a summary line.

``::warning file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE name::MESSAGE``. GitHub
requires ``%``, CR and LF escaped in the message, and additionally ``:`` and ``,`` in property
values. It shows only 10 annotations of each level per step (50 per job) and hides the rest, so
the last line gives the total; every annotation is still printed in the log. An annotation has
one location: a finding's related locations (a cycle's hops) become lines of its message,
``path:line: message`` each.
"""

from __future__ import annotations

from typing import TextIO

from leaklint.output import View, display_path
from leaklint.output._levels import github_command
from leaklint.rule import Finding
from leaklint.runner import Problem, Report

SHOWN_PER_LEVEL = 10


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    loc = finding.location
    properties = [
        ("file", display_path(finding.path)),
        ("line", str(loc.line)),
        ("col", str(loc.column)),
        ("endLine", str(loc.end_line)),
        ("endColumn", str(loc.end_column)),
        ("title", f"{finding.code} {finding.rule}"),
    ]
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    runtime = f" ({finding.runtime})" if finding.runtime else ""
    hops = "".join(f"\n{display_path(hop.path)}:{hop.line}: {hop.message}" for hop in finding.related)
    text = f"{finding.message}; fix: {finding.suggestion}{runtime}{hops}"
    return f"::{github_command(finding)} {joined}::{escape_data(text)}"


def summary(report: Report) -> str:
    total = len(report.findings)
    if not total:
        checked = report.files_checked
        return f"leaklint: no findings ({checked} file{'s' if checked != 1 else ''} checked)"
    files = len({f.path for f in report.findings})
    noun = "finding" if total == 1 else "findings"
    line = f"leaklint: {total} {noun} in {files} file{'s' if files != 1 else ''}"
    if total > SHOWN_PER_LEVEL:
        line += f" (GitHub shows at most {SHOWN_PER_LEVEL} annotations per level on a step: see this log for all {total})"
    return line


def problem_annotation(problem: Problem) -> str:
    """A path that could not be checked at all (missing, unreadable): an error on that file."""
    return f"::error file={escape_property(display_path(problem.path))},title=leaklint::{escape_data(problem.message)}"


def write(report: Report, out: TextIO, view: View) -> None:
    for problem in report.problems:
        out.write(problem_annotation(problem) + "\n")
    for finding in report.findings:
        out.write(annotation(finding) + "\n")
    out.write(summary(report) + "\n")
