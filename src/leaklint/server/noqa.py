"""The ``# noqa: CODE`` edit that silences one finding, merged into the line's comment if any."""

from __future__ import annotations

import tokenize
from typing import Iterator, List, Optional, Tuple

from leaklint.rule import TextEdit
from leaklint.server.positions import content, split_lines

# The same pattern the engine reads noqa comments with, so an edit made here always silences.
from leaklint.suppression import _NOQA  # noqa: PLC2701 - shared on purpose


def _tokens(lines: List[str]) -> Iterator[tokenize.TokenInfo]:
    """The file's tokens until tokenize gives up (an unfinished buffer is normal in an editor)."""
    feed = iter(lines)
    try:
        yield from tokenize.generate_tokens(lambda: next(feed, ""))
    except (tokenize.TokenError, SyntaxError, ValueError):
        return


def _line_facts(lines: List[str], line: int) -> Tuple[bool, Optional[Tuple[int, str]]]:
    """(a comment may end ``line``, its existing comment as (column, text) or None)."""
    ends_cleanly = False
    comment = None
    for token in _tokens(lines):
        if token.start[0] > line:
            break
        if token.start[0] != line:
            continue
        if token.type in (tokenize.NEWLINE, tokenize.NL):
            ends_cleanly = True
        elif token.type == tokenize.COMMENT:
            comment = (token.start[1], token.string)
    return ends_cleanly, comment


def noqa_edit(source: str, line: int, code: str) -> Optional[TextEdit]:
    """The edit that adds ``code`` to line ``line``'s noqa comment (1-based), or None.

    None when no comment can go there: the line ends inside a string or with a backslash
    continuation, or it already has a bare ``# noqa`` (which silences everything).
    """
    lines = split_lines(source)
    if not 1 <= line <= len(lines):
        return None
    ends_cleanly, comment = _line_facts(lines, line)
    if not ends_cleanly:
        return None
    text = content(lines[line - 1])
    if comment is None:
        end = len(text.rstrip())
        return TextEdit(line, end + 1, line, len(text) + 1, f"  # noqa: {code}")
    column, comment_text = comment
    match = _NOQA.search(comment_text)
    if match is None:
        end = column + len(comment_text.rstrip())
        return TextEdit(line, end + 1, line, end + 1, f"  # noqa: {code}")
    if not match.group("codes"):
        return None
    insert = column + match.end("codes")
    return TextEdit(line, insert + 1, line, insert + 1, f", {code}")
