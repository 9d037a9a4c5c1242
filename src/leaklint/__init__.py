"""leaklint: finds leak-prone Python code and says how to fix it.

Public API::

    from leaklint import lint_source, lint_paths
    findings = lint_source("f = open('x')\\n", path="example.py")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, List, Optional, Sequence, Union

if TYPE_CHECKING:
    from leaklint.config import Settings
    from leaklint.rule import Bad, Confidence, Finding, Fix, FixSafety, Good, Location, Option, Rule
    from leaklint.runner import Report, lint_paths

__version__ = "0.1.0"

__all__ = [
    "Bad", "Confidence", "Finding", "Fix", "FixSafety", "Good", "Location", "Option", "Report", "Rule",
    "Settings", "__version__", "lint_paths", "lint_source",
]

# The public names are imported on first use: importing the package itself stays cheap and
# imports no other module, so ``python -m leaklint`` can take the working folder off sys.path
# (see __main__.py) before anything of the standard library is imported through it.
_LAZY = {
    "Settings": "leaklint.config",
    **dict.fromkeys(("Bad", "Confidence", "Finding", "Fix", "FixSafety", "Good", "Location", "Option", "Rule"), "leaklint.rule"),
    "Report": "leaklint.runner",
    "lint_paths": "leaklint.runner",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'leaklint' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def lint_source(
    source: Union[str, bytes],
    path: str = "<string>",
    *,
    select: Optional[Sequence[str]] = None,
    ignore: Sequence[str] = (),
    settings: Optional[Settings] = None,
) -> List[Finding]:
    """Findings for one piece of source, project rules included (on this file's facts alone)."""
    from leaklint.config import Settings
    from leaklint.engine import analyze_source, check_project
    from leaklint.rule import Finding
    from leaklint.unused_noqa import as_text, unused_noqa_findings

    if settings is None:
        settings = Settings(select=tuple(select) if select else None, ignore=tuple(ignore))
    rules = settings.rules()
    result = analyze_source(source, path, rules, settings.rule_settings()).result
    findings = list(result.findings)
    findings.extend(check_project([result], rules, settings.rule_settings()))
    text = as_text(source)
    if text is not None:
        findings.extend(unused_noqa_findings(path, text, result.suppressions, rules))
    findings.sort(key=Finding.sort_key)
    return findings

