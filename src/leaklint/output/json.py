"""A stable JSON list of finding objects (schema in the README).

Each object: code, rule, message, suggestion, confidence ("high"/"medium"), path, location
{line, column}, end_location {line, column} (1-based, end exclusive), and fix: null or
{title, safety ("safe"/"unsafe"), edits: [{location, end_location, content}]}, and related: the
other statements the finding is about, in order (a reference cycle's hops), each {path, location,
message}; empty for most rules.
"""

from __future__ import annotations

import json
from typing import Any, Dict, TextIO

from leaklint.output import View, display_path
from leaklint.rule import Finding
from leaklint.runner import Report

NEEDS_TEXT_EDITS = True


def _position(line: int, column: int) -> Dict[str, int]:
    return {"line": line, "column": column}


def finding_to_dict(finding: Finding) -> Dict[str, Any]:
    row = _finding_to_dict(finding)
    if finding.runtime:  # only with --runtime-report: the schema is otherwise unchanged
        row["confirmed_at_runtime"] = finding.runtime
    return row


def _finding_to_dict(finding: Finding) -> Dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {
            "title": finding.fix.title,
            "safety": finding.fix.safety.value,
            "edits": [
                {
                    "location": _position(edit.start_line, edit.start_column),
                    "end_location": _position(edit.end_line, edit.end_column),
                    "content": edit.content,
                }
                for edit in finding.fix.edits
            ],
        }
    location = finding.location
    return {
        "code": finding.code,
        "rule": finding.rule,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "confidence": finding.confidence.value,
        "path": display_path(finding.path),
        "location": _position(location.line, location.column),
        "end_location": _position(location.end_line, location.end_column),
        "fix": fix,
        "related": [
            {"path": display_path(hop.path), "location": _position(hop.line, hop.column), "message": hop.message}
            for hop in finding.related
        ],
    }


def write(report: Report, out: TextIO, view: View) -> None:
    """The findings as ``json.dump(rows, out, indent=2)`` writes them, one finding at a time: the
    rows of 39,408 findings of a generated 10 MB module, built at once, were the process's peak.
    An element of the list is its own ``indent=2`` text indented one level further: every line
    break in it is the encoder's (a string's are escaped), so each gets two more spaces."""
    findings = report.findings
    if not findings:
        out.write("[]\n")
        return
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
    separator = "[\n  "
    for finding in findings:
        out.write(separator)
        out.write(encoder.encode(finding_to_dict(finding)).replace("\n", "\n  "))
        separator = ",\n  "
    out.write("\n]\n")
