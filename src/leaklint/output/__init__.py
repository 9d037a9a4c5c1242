"""Output formats, one module each, found by name: ``leaklint check --format NAME``.

A format module defines ``write(report, out, view) -> None``; ``NEEDS_TEXT_EDITS = True`` asks the
engine to compute fixes as text replacements (JSON, SARIF).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
from dataclasses import dataclass, field
from types import ModuleType
from typing import Dict, List, Optional, Sequence, Type

from leaklint.rule import Finding, Rule

_NEWLINE = re.compile(r"\r\n|\r|\n")


def available_formats() -> List[str]:
    return sorted(info.name for info in pkgutil.iter_modules(__path__) if not info.name.startswith("_"))


def format_module(name: str) -> ModuleType:
    if name not in available_formats():
        raise ValueError(f"unknown output format {name!r} (choose from {', '.join(available_formats())})")
    return importlib.import_module(f"{__name__}.{name}")


def display_path(path: str) -> str:
    """Paths as people expect them: relative to the working folder when inside it."""
    if path == "-" or path.startswith("<"):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def one_line(finding: Finding) -> str:
    """``CODE message; fix: suggestion`` - the text shown by concise output and flake8."""
    return f"{finding.code} {finding.message}; fix: {finding.suggestion}"


@dataclass
class View:
    """What a format may need besides the findings: source lines, and the run's settings."""

    sources: Dict[str, str] = field(default_factory=dict)  # path -> text, for stdin and caches
    show_fix_hint: bool = True
    unsafe_fixes: bool = False
    rules: Sequence[Type[Rule]] = ()  # the selected rules (SARIF lists them all)
    color: bool = False  # ANSI colour for the text formats (see _color.py)
    _split: Dict[str, List[str]] = field(default_factory=dict, repr=False)

    def lines(self, path: str) -> List[str]:
        cached = self._split.get(path)
        if cached is not None:
            return cached
        text = self.sources.get(path)
        if text is None:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
                from leaklint.engine import decode_source

                text = decode_source(data)
            except Exception:  # noqa: BLE001 - an excerpt is optional
                text = ""
            self.sources[path] = text
        # Only the newlines Python counts: str.splitlines() also splits at form feeds, U+2028...
        lines = _NEWLINE.split(text)
        if lines[-1] == "":
            lines.pop()
        self._split[path] = lines
        return lines

    def line(self, path: str, number: int) -> Optional[str]:
        lines = self.lines(path)
        return lines[number - 1] if 0 < number <= len(lines) else None

    def paint(self, text: str, style: str) -> str:
        from leaklint.output._color import paint

        return paint(text, style, self.color)
