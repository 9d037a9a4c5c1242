"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run whose ``tool.driver.rules`` lists every selected rule (help rendered from the rule's
docstring, like ``leaklint rule CODE``); results carry 1-based regions with an exclusive end in
code points (``columnKind: unicodeCodePoints``), fingerprints that survive line shifts (see
``leaklint.baseline``), and ``fixes`` as text replacements. URIs are relative to ``SRCROOT``,
the working folder, declared in ``originalUriBaseIds``. A finding about several statements (a
reference cycle) lists them as ``relatedLocations`` (ids 1..n, each with its message) and, in the
same order, as the locations of one ``codeFlows`` thread flow, which viewers step through.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Dict, List, TextIO, Type
from urllib.parse import quote

from leaklint import __version__
from leaklint.baseline import fingerprints
from leaklint.docs import REPOSITORY_URL, anchor, rule_markdown
from leaklint.output import View, display_path
from leaklint.output._levels import rule_level, rules_doc_url, sarif_level
from leaklint.registry import all_rules, rule_by_code
from leaklint.rule import Finding, FixSafety, Location, RelatedLocation, Rule, TextEdit
from leaklint.runner import Report

NEEDS_TEXT_EDITS = True
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
BASE_ID = "SRCROOT"
FINGERPRINT_KEY = "leaklintFingerprint/v1"
MAX_FULL_DESCRIPTION = 1024  # GitHub code scanning's limit


def _clip(text: str, limit: int) -> str:
    """``text`` cut at a sentence (else word) boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    sentence = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if sentence > limit // 2:
        return cut[: sentence + 1]
    return cut[: cut.rfind(" ")].rstrip() + "…" if " " in cut else cut + "…"


def _plain(markdown: str) -> str:
    """Markdown made readable as plain text: no heading marks, code fences or backticks."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("```"):
            continue
        lines.append(re.sub(r"^#+ ", "", line).replace("`", ""))
    return "\n".join(lines).strip()


def rule_descriptor(rule: Type[Rule]) -> Dict[str, Any]:
    sections = rule.doc_sections()
    what = " ".join(sections.get("What it does", rule.message).split())
    why = " ".join(sections.get("Why is this bad?", "").split())
    full = _plain(f"{what} {why}".strip())
    markdown = rule_markdown(rule, heading="#")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _plain(rule.summary())},
        "fullDescription": {"text": _clip(full, MAX_FULL_DESCRIPTION)},
        "help": {"text": _plain(markdown), "markdown": markdown},
        "helpUri": rules_doc_url(anchor(rule)),
        "defaultConfiguration": {"level": rule_level(rule.code)},
        "properties": {"tags": ["leaklint", "reliability"], "fixSafety": rule.fix_safety.value},
    }


def _ad_hoc_descriptor(finding: Finding) -> Dict[str, Any]:
    """A rule that is not registered (a test rule, a plugin): described from its finding."""
    return {
        "id": finding.code,
        "name": finding.rule,
        "shortDescription": {"text": finding.rule},
        "fullDescription": {"text": finding.rule},
        "help": {"text": finding.rule},
        "defaultConfiguration": {"level": rule_level(finding.code)},
    }


def _rules_for(report: Report, view: View) -> List[Dict[str, Any]]:
    rules: Dict[str, Dict[str, Any]] = {}
    for rule in view.rules or all_rules():
        rules[rule.code] = rule_descriptor(rule)
    for finding in report.findings:
        if finding.code not in rules:
            known = rule_by_code(finding.code)
            rules[finding.code] = rule_descriptor(known) if known else _ad_hoc_descriptor(finding)
    return [rules[code] for code in sorted(rules)]


def artifact_location(path: str) -> Dict[str, Any]:
    """A URI relative to SRCROOT when the file is under the working folder, else absolute."""
    shown = display_path(path)
    if shown == "-" or shown.startswith("<"):
        return {"uri": quote(shown)}
    if os.path.isabs(shown):
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(Path(shown).as_posix()), "uriBaseId": BASE_ID}


def _region(location: Location) -> Dict[str, int]:
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
    }


def _edit_region(edit: TextEdit) -> Dict[str, int]:
    return _region(Location(edit.start_line, edit.start_column, edit.end_line, edit.end_column))


def _fixes(finding: Finding) -> List[Dict[str, Any]]:
    fix = finding.fix
    if fix is None or not fix.edits:
        return []
    note = "" if fix.safety is FixSafety.SAFE else " (unsafe: may change behaviour; review it)"
    replacements = [
        {"deletedRegion": _edit_region(edit), "insertedContent": {"text": edit.content}} for edit in fix.edits
    ]
    return [
        {
            "description": {"text": fix.title + note},
            "artifactChanges": [{"artifactLocation": artifact_location(finding.path), "replacements": replacements}],
            "properties": {"safety": fix.safety.value},
        }
    ]


def _hop_location(hop: RelatedLocation) -> Dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": artifact_location(hop.path),
            "region": {"startLine": hop.line, "startColumn": hop.column},
        },
        "message": {"text": hop.message},
    }


def _related(finding: Finding) -> Dict[str, Any]:
    """``relatedLocations`` and a ``codeFlows`` thread flow through them; empty when there are none."""
    if not finding.related:
        return {}
    hops = [_hop_location(hop) for hop in finding.related]
    return {
        "relatedLocations": [{"id": number, **hop} for number, hop in enumerate(hops, 1)],
        "codeFlows": [
            {
                "message": {"text": f"the {len(hops)} statements this {finding.code} finding is about, in order"},
                "threadFlows": [{"locations": [{"location": hop} for hop in hops]}],
            }
        ],
    }


def _result(finding: Finding, index: int, fingerprint: str) -> Dict[str, Any]:
    result: Dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": sarif_level(finding),
        "message": {"text": f"{finding.message}; fix: {finding.suggestion}"},
        "locations": [
            {"physicalLocation": {"artifactLocation": artifact_location(finding.path), "region": _region(finding.location)}}
        ],
        # GitHub matches alerts across commits with primaryLocationLineHash; ours ignores lines.
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint, "primaryLocationLineHash": fingerprint},
        "properties": {"confidence": finding.confidence.value},
    }
    if finding.runtime:
        result["properties"]["confirmedAtRuntime"] = True
        result["properties"]["runtimeEvidence"] = finding.runtime
    result.update(_related(finding))
    fixes = _fixes(finding)
    if fixes:
        result["fixes"] = fixes
    return result


def _notifications(report: Report) -> List[Dict[str, Any]]:
    return [
        {
            "level": "error",
            "message": {"text": problem.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(problem.path)}}],
        }
        for problem in report.problems
    ]


def build_log(report: Report, view: View) -> Dict[str, Any]:
    rules = _rules_for(report, view)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    prints = fingerprints(report.findings, view)
    results = [_result(f, index[f.code], str(fp)) for f, fp in zip(report.findings, prints)]
    root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
    run: Dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "leaklint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": REPOSITORY_URL,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not report.problems and not report.internal_errors,
                "toolExecutionNotifications": _notifications(report),
            }
        ],
        "originalUriBaseIds": {BASE_ID: {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def write(report: Report, out: TextIO, view: View) -> None:
    json.dump(build_log(report, view), out, indent=2, ensure_ascii=False)
    out.write("\n")

