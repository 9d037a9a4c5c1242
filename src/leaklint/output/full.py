"""Each finding with its source line, a caret under the flagged code, the other statements it is
about (a cycle's hops, as ``path:line: message``), and the suggested fix."""

from __future__ import annotations

from typing import TextIO

from leaklint.output import View, display_path
from leaklint.rule import Finding, FixSafety
from leaklint.runner import Report


def _fix_hint(finding: Finding, view: View) -> str:
    if finding.fix is None:
        return ""
    if finding.fix.safety is FixSafety.SAFE:
        return f" [fixable with --fix: {finding.fix.title}]"
    return f" [fixable with --fix --unsafe-fixes: {finding.fix.title}]"


def _excerpt(finding: Finding, view: View) -> str:
    source = view.line(finding.path, finding.line)
    if source is None:
        return ""
    number = str(finding.line)
    gutter = " " * len(number)
    start = max(finding.column - 1, 0)
    source = source.expandtabs(1)
    if finding.location.end_line == finding.line:
        width = max(finding.location.end_column - finding.column, 1)
    else:
        width = max(len(source.rstrip()) - start, 1)
    return f" {gutter} |\n {number} | {source}\n {gutter} | {' ' * start}{view.paint('^' * width, 'caret')}\n"


def _related(finding: Finding, view: View) -> str:
    if not finding.related:
        return ""
    lines = [f"  {view.paint('= related:', 'fix')}\n"]
    for hop in finding.related:
        lines.append(f"    {view.paint(f'{display_path(hop.path)}:{hop.line}:', 'location')} {hop.message}\n")
    return "".join(lines)


def write(report: Report, out: TextIO, view: View) -> None:
    for finding in report.findings:
        location = view.paint(f"{display_path(finding.path)}:{finding.line}:{finding.column}:", "location")
        out.write(f"{location} {view.paint(finding.code, 'code')} [{finding.rule}] {finding.message}\n")
        out.write(_excerpt(finding, view))
        out.write(_related(finding, view))
        confidence = "" if finding.confidence.value == "high" else f" (confidence: {finding.confidence.value})"
        out.write(f"  {view.paint('= fix:', 'fix')} {finding.suggestion}{_fix_hint(finding, view)}{confidence}\n")
        if finding.runtime:
            out.write(f"  = {finding.runtime}\n")
        out.write("\n")
