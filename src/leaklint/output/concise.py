"""``path:line:col: CODE message`` - flake8's format, one finding per line, 1-based columns."""

from __future__ import annotations

from typing import TextIO

from leaklint.output import View, display_path, one_line
from leaklint.runner import Report


def write(report: Report, out: TextIO, view: View) -> None:
    for finding in report.findings:
        confirmed = " [confirmed at runtime]" if finding.runtime else ""
        out.write(f"{display_path(finding.path)}:{finding.line}:{finding.column}: {one_line(finding)}{confirmed}\n")
