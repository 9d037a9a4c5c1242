"""``leaklint check --add-noqa``: silence every current finding with a ``# noqa: CODE`` comment.

The comment goes on the finding's first line, which is where ``# noqa`` is read. An existing
``# noqa: X`` there is extended (``# noqa: X, LKL501``) rather than duplicated; any other comment
is kept and the noqa appended after it. A line that cannot take a comment (it ends inside a
multi-line string, or with a backslash continuation) is skipped and reported. The edited file
must have the same syntax tree as before and must really silence the codes, or nothing is
written; writes are atomic.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Dict, List, Mapping, Optional, Set, Tuple

from leaklint.suppression import parse_suppressions

if TYPE_CHECKING:  # pragma: no cover
    from leaklint.runner import Report

# A noqa with a code list; the list is extended in place (same syntax as leaklint.suppression).
# Codes need a digit here, so the words of `# noqa: E501 because ...` are not taken for codes.
_NOQA_CODES = re.compile(r"#\s*noqa:\s?(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*)", re.IGNORECASE)
_BARE_NOQA = re.compile(r"#\s*noqa(?![:\w])", re.IGNORECASE)
_NEWLINE = re.compile(r"(\r\n|\r|\n)")
# The engine's own findings cannot be silenced per line (LKL001: there is no tree to check).
SKIPPED_CODES = frozenset({"LKL001", "LKL002"})


@dataclass
class NoqaOutcome:
    source: bytes
    added: int = 0  # lines that got or extended a noqa comment
    skipped: List[Tuple[int, str]] = field(default_factory=list)  # (line, why)


def _split_lines(text: str) -> List[List[str]]:
    """[content, line ending] pairs; the last line's ending may be empty."""
    parts = _NEWLINE.split(text)
    lines = [[parts[i], parts[i + 1]] for i in range(0, len(parts) - 1, 2)]
    if parts[-1]:
        lines.append([parts[-1], ""])
    return lines


def _line_facts(text: str) -> Tuple[Set[int], Dict[int, int]]:
    """Lines that end outside any token (a comment can go there), and each comment's column."""
    open_lines: Set[int] = set()
    comments: Dict[int, int] = {}
    for token in tokenize.generate_tokens(io.StringIO(text, newline=None).readline):
        if token.type in (tokenize.NEWLINE, tokenize.NL):
            open_lines.add(token.start[0])
        elif token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.start[1]
    return open_lines, comments


def _missing(codes: Set[str], comment: str) -> List[str]:
    """The codes an existing comment does not silence yet."""
    match = _NOQA_CODES.search(comment)
    present = [c.upper() for c in re.findall(r"[A-Z]+[0-9]+", match.group("codes"), re.IGNORECASE)] if match else []
    return sorted(code for code in codes if not any(code.startswith(prefix) for prefix in present))


def _with_noqa(content: str, comment_column: Optional[int], codes: Set[str]) -> Optional[str]:
    """``content`` with ``codes`` silenced, or None when it needs no change."""
    if comment_column is None:
        return content.rstrip(" \t") + f"  # noqa: {', '.join(sorted(codes))}"
    comment = content[comment_column:]
    if _BARE_NOQA.search(comment) and not _NOQA_CODES.search(comment):
        return None  # a bare noqa already silences everything
    missing = _missing(codes, comment)
    if not missing:
        return None
    match = _NOQA_CODES.search(comment)
    if match is None:
        return content.rstrip(" \t") + f"  # noqa: {', '.join(missing)}"
    end = comment_column + match.end("codes")
    return content[:end] + ", " + ", ".join(missing) + content[end:]


def _same_tree(old: str, new: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarnings of the file are not ours to show
        try:
            return ast.dump(ast.parse(old)) == ast.dump(ast.parse(new))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False


def _silenced(text: str, wanted: Mapping[int, Set[str]]) -> bool:
    suppressions = parse_suppressions(text)
    return all(suppressions.silences(code, line) for line, codes in wanted.items() for code in codes)


def add_noqa_to_source(data: bytes, wanted: Mapping[int, Set[str]]) -> NoqaOutcome:
    """``data`` with a noqa for each (line -> codes) in ``wanted``; unchanged when unsafe."""
    outcome = NoqaOutcome(data)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)  # "utf-8-sig" drops the BOM here and writes it back below
        open_lines, comments = _line_facts(text)
    except (SyntaxError, UnicodeDecodeError, LookupError, tokenize.TokenError, IndentationError) as error:
        outcome.skipped = [(line, f"cannot tokenize the file: {error}") for line in sorted(wanted)]
        return outcome
    lines = _split_lines(text)
    changed: Dict[int, Set[str]] = {}
    for number in sorted(wanted):
        codes = {code for code in wanted[number] if code not in SKIPPED_CODES}
        if not codes or not 0 < number <= len(lines):
            continue
        if number not in open_lines:
            outcome.skipped.append((number, "the line ends inside a string or with a backslash: add the noqa by hand"))
            continue
        updated = _with_noqa(lines[number - 1][0], comments.get(number), codes)
        if updated is not None:
            lines[number - 1][0] = updated
            changed[number] = codes
    if not changed:
        return outcome
    new_text = "".join(content + ending for content, ending in lines)
    if not _same_tree(text, new_text) or not _silenced(new_text, changed):
        outcome.skipped.extend((line, "adding a comment here would change the code") for line in sorted(changed))
        return outcome
    outcome.source = new_text.encode(encoding)
    outcome.added = len(changed)
    return outcome


def add_noqa_to_file(path: str, wanted: Mapping[int, Set[str]]) -> NoqaOutcome:
    from leaklint.fixes.write import WriteRefused, atomic_write

    with open(path, "rb") as handle:
        data = handle.read()
    outcome = add_noqa_to_source(data, wanted)
    if outcome.added:
        try:
            atomic_write(path, outcome.source, data)
        except WriteRefused as refused:
            outcome.skipped = [(line, f"not written: {refused}") for line in sorted(wanted)]
            outcome.added = 0
    return outcome


def add_noqa_command(report: "Report", quiet: bool = False) -> int:
    """Edit every file with findings; exit 0, or 2 when a path could not be checked or edited."""
    from leaklint.output import display_path

    by_path: Dict[str, Dict[int, Set[str]]] = defaultdict(lambda: defaultdict(set))
    for finding in report.findings:
        if finding.code not in SKIPPED_CODES:
            by_path[finding.path][finding.line].add(finding.code)
    added = 0
    failed = bool(report.problems)
    for problem in report.problems:
        print(f"leaklint: error: {display_path(problem.path)}: {problem.message}", file=sys.stderr)
    for path in sorted(by_path):
        try:
            outcome = add_noqa_to_file(path, by_path[path])
        except OSError as error:
            print(f"leaklint: error: {display_path(path)}: cannot read: {error.strerror or error}", file=sys.stderr)
            failed = True
            continue
        added += outcome.added
        for line, why in outcome.skipped:
            print(f"leaklint: warning: {display_path(path)}:{line}: no noqa added: {why}", file=sys.stderr)
    if not quiet:
        print(f"Added {added} noqa comment{'s' if added != 1 else ''}.", file=sys.stderr)
    return 2 if failed else 0
