"""How serious a finding is, in the words of each review tool (SARIF, GitHub, GitLab).

leaklint has no per-rule severity: a finding is a warning, one of medium or low confidence a note, and
the engine's own findings (LKL001 cannot parse, LKL002 internal error) are errors because the
file was not checked at all.
"""

from __future__ import annotations

from typing import Dict

from leaklint.docs import RULES_PAGE_URL
from leaklint.rule import Confidence, Finding

ERROR_CODES = frozenset({"LKL001", "LKL002"})

_GITHUB: Dict[str, str] = {"error": "error", "warning": "warning", "note": "notice"}
_GITLAB: Dict[str, str] = {"error": "critical", "warning": "major", "note": "minor"}


def rule_level(code: str) -> str:
    """The SARIF ``defaultConfiguration.level`` of a rule."""
    return "error" if code in ERROR_CODES else "warning"


def sarif_level(finding: Finding) -> str:
    if finding.code in ERROR_CODES:
        return "error"
    return "note" if finding.confidence in (Confidence.MEDIUM, Confidence.LOW) else "warning"


def github_command(finding: Finding) -> str:
    """``error``, ``warning`` or ``notice``: the workflow command for the finding."""
    return _GITHUB[sarif_level(finding)]


def gitlab_severity(finding: Finding) -> str:
    """One of GitLab Code Quality's info, minor, major, critical, blocker."""
    return _GITLAB[sarif_level(finding)]


def rules_doc_url(anchor: str) -> str:
    return f"{RULES_PAGE_URL}#{anchor}"
