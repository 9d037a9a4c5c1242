"""LKL003: ``# noqa: LKL...`` codes that silence nothing, found once every finding is known.

A code is unused on its line when no finding of that line matched it, in the file pass or the
project pass. Only codes of selected rules count: a code of a rule that did not run (not
selected, or ignored for this file) proves nothing, and codes of other tools (``E501``) and a bare
``# noqa`` are never touched. The fix removes just the unused codes; the comment goes when
nothing is left in it.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional, Sequence, Set, Tuple, Type, Union

from leaklint.rule import Confidence, Finding, FixInfo, FixSafety, Location, Rule, TextEdit
from leaklint.suppression import _NOQA, Suppressions

CODE = "LKL003"
NAME = "unused-noqa"
_TOKEN = re.compile(r"[A-Z]+[0-9]*", re.IGNORECASE)


@dataclass(frozen=True)
class _NoqaComment:
    line: int
    column: int  # 0-based code points of the comment's `#` in its line
    text: str  # the comment, from `#` to the end of the line
    codes: Tuple[Tuple[str, int, int], ...]  # (CODE as written, start, end) within ``text``
    match: Tuple[int, int]  # the `# noqa...` part of ``text``
    space_before: int  # whitespace between the code and the comment


def may_have_unused(suppressions: Suppressions) -> bool:
    """Cheap test before reading the source again: does any line comment name an LKL code?"""
    return any(prefix.startswith("LKL") for prefixes in suppressions.lines.values() for prefix in prefixes)


def unused_noqa_findings(
    path: str,
    source: str,
    suppressions: Suppressions,
    rules: Sequence[Type[Rule]],
    skip_codes: Sequence[str] = (),
) -> List[Finding]:
    """LKL003 findings for ``source`` whose other findings have all gone through ``suppressions``.

    ``skip_codes``: codes (or prefixes) never reported, e.g. project rules when only one file's
    facts were seen.
    """
    selected = [rule.code for rule in rules]
    if CODE not in selected or not may_have_unused(suppressions):
        return []
    if any(CODE.startswith(prefix) for prefix in suppressions.file):
        return []
    findings = []
    for comment in _noqa_comments(source):
        line_codes = suppressions.lines.get(comment.line, frozenset())
        if any(CODE.startswith(prefix) for prefix in line_codes):
            continue  # LKL003 itself is silenced on this line
        unused = _unused_codes(comment, suppressions, selected, skip_codes)
        for written, start, end in unused:
            column = comment.column + start + 1
            location = Location(comment.line, column, comment.line, comment.column + end + 1)
            edit = _edit(comment, {(start, end)})
            fix = FixInfo("remove the unused noqa code", FixSafety.SAFE, (edit,))
            findings.append(
                Finding(
                    path,
                    CODE,
                    NAME,
                    f"`# noqa: {written}` silences nothing on this line",
                    f"remove `{written}` from the comment (`leaklint check --fix` does it)",
                    location,
                    Confidence.HIGH,
                    fix,
                )
            )
    return findings


def remove_unused_noqa(source: str, findings: Sequence[Finding]) -> Tuple[str, int]:
    """``source`` with the codes of these LKL003 ``findings`` removed, and how many were removed."""
    wanted: Dict[int, Set[int]] = {}
    for finding in findings:
        if finding.code == CODE:
            wanted.setdefault(finding.line, set()).add(finding.column)
    if not wanted:
        return source, 0
    lines = [line + newline for line, newline in _lines(source)]
    removed = 0
    for comment in _noqa_comments(source):
        columns = wanted.get(comment.line)
        if not columns:
            continue
        spans = {(start, end) for _, start, end in comment.codes if comment.column + start + 1 in columns}
        if not spans:
            continue
        edit = _edit(comment, spans)
        text = lines[comment.line - 1]
        body = text.rstrip("\r\n")
        lines[comment.line - 1] = body[: edit.start_column - 1] + edit.content + body[edit.end_column - 1 :] + text[len(body) :]
        removed += len(spans)
    return "".join(lines), removed


def _unused_codes(
    comment: _NoqaComment, suppressions: Suppressions, selected: Sequence[str], skip_codes: Sequence[str]
) -> List[Tuple[str, int, int]]:
    unused = []
    for written, start, end in comment.codes:
        code = written.upper()
        if not code.startswith("LKL"):
            continue  # another tool's code
        if not any(rule_code.startswith(code) for rule_code in selected):
            continue  # a rule that did not run proves nothing (and an unknown code is not ours to judge)
        if any(code.startswith(skip) or skip.startswith(code) for skip in skip_codes):
            continue
        if (comment.line, code) not in suppressions.used:
            unused.append((written, start, end))
    return unused


def _edit(comment: _NoqaComment, remove: Set[Tuple[int, int]]) -> TextEdit:
    """The edit of ``comment``'s line that drops the code spans ``remove``."""
    kept = [(start, end) for _, start, end in comment.codes if (start, end) not in remove]
    text = comment.text
    if kept:
        # The kept codes with the separators that came before each of them (the first one without).
        pieces = [text[kept[0][0] : kept[0][1]]]
        positions = [(s, e) for _, s, e in comment.codes]
        for start, end in kept[1:]:
            previous_end = positions[positions.index((start, end)) - 1][1]
            pieces.append(text[previous_end:start] + text[start:end])
        first_start, last_end = comment.codes[0][1], comment.codes[-1][2]
        return _line_edit(comment, first_start, last_end, "".join(pieces))
    match_start, match_end = comment.match
    before, after = text[:match_start].rstrip(), text[match_end:].strip()
    if not before and not after:
        return _line_edit(comment, -comment.space_before, len(text), "")
    if not before:  # the noqa part first, another comment after it: keep that one
        return _line_edit(comment, 0, len(text), after if after.startswith("#") else f"# {after}")
    return _line_edit(comment, len(before), len(text), "" if not after else f"  {after}")


def _line_edit(comment: _NoqaComment, start: int, end: int, content: str) -> TextEdit:
    return TextEdit(comment.line, comment.column + start + 1, comment.line, comment.column + end + 1, content)


def _noqa_comments(source: str) -> Iterator[_NoqaComment]:
    for line, column, text, before in _comments(source):
        match = _NOQA.search(text)
        if match is None or match.group("codes") is None:
            continue
        group_start = match.start("codes")
        codes = tuple(
            (token.group(), group_start + token.start(), group_start + token.end())
            for token in _TOKEN.finditer(match.group("codes"))
        )
        if codes:
            yield _NoqaComment(line, column, text, codes, (match.start(), match.end()), before)


def _comments(source: str) -> Iterator[Tuple[int, int, str, int]]:
    """(line, column, comment, whitespace just before it) for every comment."""
    lines = [line for line, _ in _lines(source)]
    try:
        for token in tokenize.generate_tokens(io.StringIO(source, newline=None).readline):
            if token.type == tokenize.COMMENT:
                line, column = token.start
                prefix = lines[line - 1][:column] if line - 1 < len(lines) else ""
                yield line, column, token.string, len(prefix) - len(prefix.rstrip())
    except (tokenize.TokenError, SyntaxError, ValueError):
        return


def _lines(source: str) -> List[Tuple[str, str]]:
    """(line, its newline) pairs: lines end only at CRLF, CR or LF, as Python counts them."""
    parts = re.split(r"(\r\n|\r|\n)", source)
    pairs = [(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
    if parts[-1]:
        pairs.append((parts[-1], ""))
    return pairs


def as_text(source: Union[str, bytes]) -> Optional[str]:
    """``source`` decoded as the engine decodes it; None when it cannot be."""
    if isinstance(source, str):
        return source
    from leaklint.engine import decode_source

    try:
        return decode_source(source)
    except (SyntaxError, UnicodeDecodeError):
        return None
