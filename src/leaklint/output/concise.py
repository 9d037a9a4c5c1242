"""``path:line:col: CODE message`` - flake8's format, one finding per line, 1-based columns."""

from __future__ import annotations

from typing import TextIO

from leaklint.output import View, display_path, one_line
from leaklint.rule import Finding
from leaklint.runner import Report


def write(report: Report, out: TextIO, view: View) -> None:
    if not view.color:
        for finding in report.findings:
            out.write(f"{display_path(finding.path)}:{finding.line}:{finding.column}: {one_line(finding)}{_confirmed(finding)}\n")
        return
    for finding in report.findings:
        location = view.paint(f"{display_path(finding.path)}:{finding.line}:{finding.column}:", "location")
        out.write(f"{location} {view.paint(finding.code, 'code')} {finding.message}; fix: {finding.suggestion}{_confirmed(finding)}\n")


def _confirmed(finding: Finding) -> str:
    return " [confirmed at runtime]" if finding.runtime else ""
