"""``leaklint check --runtime-report FILE``: static findings that a test run saw leak.

A static finding is *confirmed at runtime* when a runtime leak of a matching rule (the leak's
``codes``: a cycle maps to LKL101-LKL105 by shape, an unclosed file to LKL301, ...) was allocated
at or near the finding: the same file and within ``NEAR`` lines of any user frame of the leak's
allocation traceback, or inside the body of a class involved in the cycle; the finding's related
locations (a growing container's definition, a cycle's hops) count as the finding's own. Runtime leaks that no
finding explains are listed on standard error: what the static rules still miss.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Dict, List, Sequence, TextIO, Tuple

from leaklint.pytest_plugin.leaks import ReportError, RuntimeLeak, read_report

NEAR = 3


def _key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def matches(finding_path: str, finding_line: int, finding_code: str, leak: RuntimeLeak) -> bool:
    if finding_code not in leak.codes:
        return False
    here = _key(finding_path)
    for path, line in leak.sites():
        if abs(line - finding_line) <= NEAR and _key(path) == here:
            return True
    return any(first <= finding_line <= last and _key(path) == here for path, first, last in leak.spans)


def evidence(leaks: Sequence[RuntimeLeak]) -> str:
    first = leaks[0]
    where = f", allocated at {os.path.basename(first.path)}:{first.line}" if first.path else ""
    text = f"confirmed at runtime by {first.test} ({first.kind}: {first.type}{where})"
    others = len({leak.test for leak in leaks}) - 1
    if others > 0:
        text += f" and {others} more test{'s' if others > 1 else ''}"
    return text


def confirm(findings: Sequence, leaks: Sequence[RuntimeLeak]) -> Tuple[List, List[RuntimeLeak]]:  # type: ignore[type-arg]
    """The findings (confirmed ones carry ``runtime``), and the leaks no finding matched."""
    matched = set()
    result = []
    for finding in findings:
        # A finding's related locations are part of it (a growing container's definition, a
        # cycle's hops): a leak allocated near any of them confirms it.
        places = [(finding.path, finding.line)] + [(r.path, r.line) for r in getattr(finding, "related", ())]
        hits = [i for i, leak in enumerate(leaks)
                if any(matches(path, line, finding.code, leak) for path, line in places)]
        if hits:
            matched.update(hits)
            finding = dataclasses.replace(finding, runtime=evidence([leaks[i] for i in hits]))
        result.append(finding)
    unmatched: Dict[Tuple[str, object, object], RuntimeLeak] = {}
    for i, leak in enumerate(leaks):
        if i not in matched:
            unmatched.setdefault((leak.code, leak.path, leak.line), leak)
    return result, list(unmatched.values())


def apply_runtime_report(report: object, path: str) -> List[RuntimeLeak]:
    """Mark ``report.findings`` confirmed in place; return the runtime leaks left unexplained."""
    from leaklint.config import ConfigError

    try:
        leaks = read_report(path)
    except ReportError as error:
        raise ConfigError(str(error)) from error
    findings, unmatched = confirm(report.findings, leaks)  # type: ignore[attr-defined]
    report.findings[:] = findings  # type: ignore[attr-defined]
    return unmatched


def write_unmatched(leaks: Sequence[RuntimeLeak], confirmed: int, out: TextIO) -> None:
    out.write(f"leaklint: {confirmed} finding{'s' if confirmed != 1 else ''} confirmed at runtime")
    if not leaks:
        out.write("; every runtime leak has a static finding\n")
        return
    out.write(f"; {len(leaks)} runtime leak{'s' if len(leaks) != 1 else ''} with no static finding:\n")
    for leak in leaks:
        where = f"{_shown(leak.path)}:{leak.line}" if leak.path else "<unknown site>"
        out.write(f"  {where}: {leak.code} ({leak.kind}) {leak.summary} [{leak.test}]\n")


def _shown(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative
