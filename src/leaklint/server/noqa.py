"""The ``# noqa: CODE`` edit that silences one finding, merged into the line's comment if any."""

from __future__ import annotations

import tokenize
from typing import Dict, Iterator, List, Optional, Set, Tuple

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


class NoqaPlanner:
    """Plans noqa edits for one source text; tokenizes it once, however many findings ask."""

    def __init__(self, source: str) -> None:
        self.lines = split_lines(source)
        self.clean_ends: Set[int] = set()  # lines that end outside strings and continuations
        self.comments: Dict[int, Tuple[int, str]] = {}  # line -> (column, comment text)
        for token in _tokens(self.lines):
            if token.type in (tokenize.NEWLINE, tokenize.NL):
                self.clean_ends.add(token.start[0])
            elif token.type == tokenize.COMMENT:
                self.comments[token.start[0]] = (token.start[1], token.string)

    def edit(self, line: int, code: str) -> Optional[TextEdit]:
        """The edit that adds ``code`` to line ``line``'s noqa comment (1-based), or None.

        None when no comment can go there: the line ends inside a string or with a backslash
        continuation, or it already has a bare ``# noqa`` (which silences everything).
        """
        if not 1 <= line <= len(self.lines) or line not in self.clean_ends:
            return None
        text = content(self.lines[line - 1])
        comment = self.comments.get(line)
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


def noqa_edit(source: str, line: int, code: str) -> Optional[TextEdit]:
    """The edit that silences ``code`` on line ``line`` of ``source``, or None (see NoqaPlanner)."""
    return NoqaPlanner(source).edit(line, code)
