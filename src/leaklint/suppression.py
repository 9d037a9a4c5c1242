"""``# noqa`` comments: per line (``# noqa``, ``# noqa: LKL101,LKL3``) and per file.

The syntax follows flake8: a bare ``# noqa`` silences every code on its line, ``# noqa:`` followed
by codes silences those codes (or code prefixes). A malformed list (``# noqa:`` with nothing
usable after it) is treated like flake8 treats it: as a bare ``# noqa``. A file containing a line
``# leaklint: noqa`` (optionally ``: CODES``) is silenced as a whole.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Optional, Set, Tuple

_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]*(?:[,\s]+[A-Z]+[0-9]*)*))?", re.IGNORECASE)
_FILE_NOQA = re.compile(r"^\s*#\s*leaklint:\s*noqa(?::\s*(?P<codes>[A-Z0-9,\s]+))?\s*$", re.IGNORECASE)
_CODE = re.compile(r"[A-Z]+[0-9]*", re.IGNORECASE)

ALL = frozenset({""})  # the empty prefix matches every code


@dataclass(frozen=True)
class Suppressions:
    """What a file silences: per line, and for the whole file."""

    lines: Dict[int, FrozenSet[str]] = field(default_factory=dict)
    file: FrozenSet[str] = frozenset()
    # (line, code or prefix) of the line comments that silenced something: LKL003 reports the rest.
    used: Set[Tuple[int, str]] = field(default_factory=set, compare=False, repr=False)

    def silences(self, code: str, line: int) -> bool:
        if any(code.startswith(prefix) for prefix in self.file):
            return True
        prefixes = self.lines.get(line)
        if prefixes is None:
            return False
        matching = [prefix for prefix in prefixes if code.startswith(prefix)]
        self.used.update((line, prefix) for prefix in matching)
        return bool(matching)


def _codes(text: Optional[str]) -> FrozenSet[str]:
    if not text:
        return ALL
    codes = frozenset(code.upper() for code in _CODE.findall(text))
    return codes or ALL


def parse_suppressions(source: str) -> Suppressions:
    """Read the noqa comments of ``source`` that concern leaklint. Never raises: bad input
    silences nothing."""
    if not _may_silence_leaklint(source):
        return Suppressions()
    return _read_suppressions(source)


def _read_suppressions(source: str) -> Suppressions:
    lines: Dict[int, FrozenSet[str]] = {}
    file_codes: FrozenSet[str] = frozenset()
    for lineno, comment in _comments(source):
        file_match = _FILE_NOQA.match(comment)
        if file_match:
            file_codes = file_codes | _codes(file_match.group("codes"))
            continue
        match = _NOQA.search(comment)
        if match:
            lines[lineno] = lines.get(lineno, frozenset()) | _codes(match.group("codes"))
    return Suppressions(lines, file_codes)


_FILE_NOQA_ANYWHERE = re.compile(r"leaklint:\s*noqa", re.IGNORECASE)


def _may_silence_leaklint(source: str) -> bool:
    """Whether any ``noqa`` in the raw text (comment or not: a superset) could silence an LKL code.

    Finding comments needs Python's tokenizer (pure Python before 3.12: about a quarter of a
    libcst parse per file), and code bases linted with flake8 carry ``# noqa: E501`` and the like
    in many files. Those never silence leaklint, so only a bare ``# noqa``, a code list with an
    LKL code or prefix (``L``, ``LKL1``), or a file-level ``# leaklint: noqa`` is worth reading.
    """
    if "noqa" not in source.lower():
        return False  # both patterns need it; a plain search is a tenth of theirs
    if _FILE_NOQA_ANYWHERE.search(source):
        return True
    for match in _NOQA.finditer(source):
        for prefix in _codes(match.group("codes")):
            if "LKL".startswith(prefix) or prefix.startswith("LKL"):
                return True
    return False


def _comments(source: str):
    """(line, comment text) pairs; falls back to a line scan when tokenize gives up."""
    try:
        # newline=None: a file whose newlines are bare CRs is still read line by line.
        for token in tokenize.generate_tokens(io.StringIO(source, newline=None).readline):
            if token.type == tokenize.COMMENT:
                yield token.start[0], token.string
    except (tokenize.TokenError, SyntaxError, ValueError):
        for lineno, line in enumerate(source.splitlines(), start=1):
            index = line.find("#")
            if index >= 0:
                yield lineno, line[index:]
