"""GitLab Code Quality: a JSON array of Code Climate issues (``artifacts:reports:codequality``).

Each issue has description, check_name, fingerprint, severity (info, minor, major, critical,
blocker) and location.path with location.lines. GitLab collapses issues with the same
fingerprint, so each finding's fingerprint is unique: it comes from the line-shift-proof
fingerprint of ``leaklint.baseline``, which counts identical snippets apart. GitLab reads no
other location (it ignores Code Climate's ``other_locations``), so a finding's related
locations (a cycle's hops) are left out: the description keeps the hops the message quotes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Dict, TextIO

from leaklint.baseline import fingerprints
from leaklint.output import View, display_path
from leaklint.output._levels import gitlab_severity
from leaklint.rule import Finding
from leaklint.runner import Report


def _categories(finding: Finding) -> list:
    return ["Bug Risk"] if finding.code in ("LKL001", "LKL002") else ["Performance", "Bug Risk"]


def issue(finding: Finding, fingerprint: str) -> Dict[str, Any]:
    return {
        "type": "issue",
        "check_name": finding.code,
        "description": f"{finding.code} {finding.message}; fix: {finding.suggestion}"
        + (f" ({finding.runtime})" if finding.runtime else ""),
        "categories": _categories(finding),
        "fingerprint": hashlib.sha256(fingerprint.encode("ascii")).hexdigest()[:32],
        "severity": gitlab_severity(finding),
        "location": {
            "path": Path(display_path(finding.path)).as_posix(),
            "lines": {"begin": finding.location.line, "end": finding.location.end_line},
        },
    }


def write(report: Report, out: TextIO, view: View) -> None:
    prints = fingerprints(report.findings, view)
    issues = [issue(f, f"{f.code}:{fp}") for f, fp in zip(report.findings, prints)]
    json.dump(issues, out, indent=2, ensure_ascii=False)
    out.write("\n")
