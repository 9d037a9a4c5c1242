"""Statement positions read from the source text, exactly as CPython's ``ast`` gives them.

Facts and findings need the lines of statements (start and end, with columns), and building
an ``ast`` tree for them costs about an eighth of a libcst parse (docs/performance.md). libcst's
tree already says which statements there are, in source order, and of which kind; what it has
no cheap way to say is *where* they are. One scan of the text finds that: a regular expression
steps over strings and comments and stops at brackets, newlines, semicolons and colons, which
gives every logical line (a newline outside brackets ends one), and walking libcst's statements
in source order consumes one logical line per simple statement line, compound header, clause
(``else``, ``except``...) and decorator. A statement spans from its first token to its last, as
in ``ast`` (a decorated def starts at ``def``; ``ast`` columns count UTF-8 bytes).

Anything the scan does not understand returns None and the caller parses the ``ast`` tree as
before: a carriage return in the file, a ``lambda`` before a one-line body's colon, an f-string
on Python 3.12 (whose quotes may nest), or a logical line that does not start as libcst's
statement says it should. ``tests/test_statement_spans.py`` compares every statement with
``ast``'s on real modules.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from itertools import accumulate
from typing import Dict, List, Optional, Sequence, Tuple

import libcst as cst

# What matters for where statements start and end: strings (whatever their prefix, plain text
# before the quote) and backslash continuations, skipped whole; comments; newlines; brackets;
# semicolons; colons (not the walrus's). Every branch starts with a literal character, so the
# regular expression engine skips to the next of those characters in C.
_TOKENS = re.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\\\n]*(?:\\.[^'\\\n]*)*'"
    r"|\\\n|#[^\n]*|\n|\(|\[|\{|\)|\]|\}|;|:(?!=)",
    re.S,
)
# Blank and comment-only lines, then the indentation of the next logical line.
_SKIP = re.compile(r"(?:[ \t\f]*(?:#[^\n]*)?\n)*[ \t\f]*")
# Blanks inside a logical line (after ``;``, ``@``, a one-line body's colon).
_BLANKS = re.compile(r"(?:[ \t\f]|\\\n)*")
_TRAILING = " \t\f\n\\"
# Python 3.12 lets an f-string's replacement fields use the string's own quotes: the scan's
# string pattern would end the string early.
_NESTED_FSTRINGS = sys.version_info >= (3, 12)
_FSTRING = re.compile(r"(?<![\w])[rRbB]?[fF][rRbB]?['\"]")


class Span:
    """A statement's position with ``ast``'s attribute names (lines 1-based, columns 0-based
    UTF-8 byte offsets), so code reading ``ast`` statements reads these alike."""

    __slots__ = ("lineno", "col_offset", "end_lineno", "end_col_offset")

    def __init__(self, lineno: int, col_offset: int, end_lineno: int, end_col_offset: int) -> None:
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset

    def __repr__(self) -> str:
        return f"Span({self.lineno}, {self.col_offset}, {self.end_lineno}, {self.end_col_offset})"


class StatementSpans:
    """Every statement's ``Span`` by its libcst node (small and compound statements, as ``ast``
    has them), made from text offsets when first asked for: most are never asked for."""

    def __init__(self, source: str, offsets: Dict[int, Tuple[int, int]], decorators: Dict[int, int]) -> None:
        self.source = source
        self._offsets = offsets  # id(statement) -> (start, end) offsets in ``source``
        self._decorators = decorators  # id(decorated statement) -> offset of its first decorator
        self._spans: Dict[int, Span] = {}
        self._line_starts: Optional[List[int]] = None
        self._ascii = source.isascii()

    def get(self, node: cst.CSTNode) -> Optional[Span]:
        """The span of ``node`` if it is a statement, else None."""
        key = id(node)
        span = self._spans.get(key)
        if span is None:
            offsets = self._offsets.get(key)
            if offsets is None:
                return None
            line, column = self._where(offsets[0])
            end_line, end_column = self._where(offsets[1])
            span = self._spans[key] = Span(line, column, end_line, end_column)
        return span

    def first_line(self, statement: cst.CSTNode) -> Optional[int]:
        """The line ``ast`` gives as a block statement's first: a simple statement line's first
        statement's, or a compound statement's first decorator's, else its own."""
        if type(statement) is cst.SimpleStatementLine:
            body = statement.body
            span = self.get(body[0]) if body else None
            return span.lineno if span is not None else None
        decorator = self._decorators.get(id(statement))
        if decorator is not None:
            return self._where(decorator)[0]
        span = self.get(statement)
        return span.lineno if span is not None else None

    def _where(self, offset: int) -> Tuple[int, int]:
        """The 1-based line of ``offset`` and its column in UTF-8 bytes."""
        starts = self._line_starts
        if starts is None:
            lengths = map((1).__add__, map(len, self.source.split("\n")))
            starts = self._line_starts = list(accumulate(lengths, initial=0))
        line = bisect_right(starts, offset)
        line_start = starts[line - 1]
        if self._ascii:
            return line, offset - line_start
        text = self.source[line_start:offset]
        return line, len(text) if text.isascii() else len(text.encode("utf-8"))


class _Unexpected(Exception):
    """The text and libcst's statements do not line up as expected: use ``ast``."""


def statement_spans(source: str, module: cst.Module) -> Optional[StatementSpans]:
    """The spans of every statement of ``module`` (parsed from ``source``), or None when the
    text is not one the scan reads with certainty."""
    if "\r" in source or (_NESTED_FSTRINGS and _FSTRING.search(source) is not None):
        return None
    try:
        reader = _Reader(source)
        reader.block(module.body)
        if _SKIP.match(source, reader.position).end() < len(source):
            return None  # text left over: the two did not line up
    except (_Unexpected, IndexError, KeyError):  # KeyError: a compound statement unknown here
        return None
    return StatementSpans(source, reader.offsets, reader.decorators)


class _Reader:
    """Reads the logical lines of ``source`` in the order libcst's statements ask for them."""

    def __init__(self, source: str) -> None:
        self.source = source
        # Newlines outside brackets (where logical lines, and blank ones, end), and where the code
        # before each ends at the latest: before a comment that runs up to it.
        newlines: List[int] = []
        cuts: List[int] = []
        semicolons: List[int] = []  # outside brackets
        colons: List[int] = []  # outside brackets
        depth = 0
        comment = -1  # a comment's start, until the newline after it
        for match in _TOKENS.finditer(source):
            at = match.start()
            char = source[at]
            if char == "\n":
                if depth == 0:
                    newlines.append(at)
                    cuts.append(at if comment < 0 else comment)
                comment = -1
            elif char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
            elif char == "#":
                comment = at
            elif depth == 0:
                if char == ";":
                    semicolons.append(at)
                elif char == ":":
                    colons.append(at)
        newlines.append(len(source))  # the last line may have no newline
        cuts.append(len(source) if comment < 0 else comment)
        self.newlines = newlines
        self.cuts = cuts
        self.semicolons = semicolons
        self.colons = colons
        self.position = 0  # where the next logical line is looked for
        self.consumed = 0  # index in ``newlines`` of the first one not consumed
        self.offsets: Dict[int, Tuple[int, int]] = {}
        self.decorators: Dict[int, int] = {}
        self.last_end = 0  # where the last small statement read ends

    def block(self, statements: Sequence[cst.BaseStatement]) -> None:
        for statement in statements:
            if type(statement) is cst.SimpleStatementLine:
                start = self._line()
                self._small(statement.body, start, self._code_end(start))
            else:
                self._compound(statement)

    def _compound(self, statement: cst.CSTNode, keyword: Optional[str] = None) -> None:
        source = self.source
        kind = type(statement)
        decorators = getattr(statement, "decorators", ())
        if decorators:
            start = self._line()
            if source[start] != "@":
                raise _Unexpected
            # ``ast`` gives a decorator's line as its expression's, after the ``@``
            self.decorators[id(statement)] = _BLANKS.match(source, start + 1).end()
            for _ in decorators[1:]:
                if source[self._line()] != "@":
                    raise _Unexpected
        start = self._line()
        if not source.startswith(keyword or _KEYWORDS[kind](statement), start):
            raise _Unexpected
        if kind is cst.Match:
            for case in statement.cases:  # type: ignore[attr-defined]
                self._clause(case, "case")
            self.offsets[id(statement)] = (start, self.last_end)
            return
        self._body(statement, start)
        if kind is cst.If:
            orelse = statement.orelse  # type: ignore[attr-defined]
            if type(orelse) is cst.If:
                self._compound(orelse, "elif")  # a statement of its own, nested as in ``ast``
            elif orelse is not None:
                self._clause(orelse, "else")
        elif kind is not cst.FunctionDef and kind is not cst.ClassDef and kind is not cst.With:
            for handler in getattr(statement, "handlers", ()):
                self._clause(handler, "except")
            orelse = getattr(statement, "orelse", None)
            if orelse is not None:
                self._clause(orelse, "else")
            finalbody = getattr(statement, "finalbody", None)
            if finalbody is not None:
                self._clause(finalbody, "finally")
        self.offsets[id(statement)] = (start, self.last_end)

    def _clause(self, clause: cst.CSTNode, keyword: str) -> None:
        start = self._line()
        if not self.source.startswith(keyword, start):
            raise _Unexpected
        self._body(clause, start)

    def _body(self, owner: cst.CSTNode, start: int) -> None:
        body = owner.body  # type: ignore[attr-defined]
        if type(body) is cst.IndentedBlock:
            self.block(body.body)
            return
        # A one-line body (``if x: return``) starts after the header's colon: the first one
        # outside brackets, unless a lambda's comes first.
        end = self._code_end(start)
        colons = self.colons
        low = bisect_left(colons, start)
        if low >= len(colons) or colons[low] >= end:
            raise _Unexpected
        colon = colons[low]
        if "lambda" in self.source[start:colon]:
            raise _Unexpected
        self._small(body.body, _BLANKS.match(self.source, colon + 1).end(), end)

    def _small(self, statements: Sequence[cst.CSTNode], start: int, end: int) -> None:
        """The small statements of one logical line, from ``start`` to ``end`` (its code's end)."""
        semicolons = self.semicolons
        if len(statements) == 1 and (not semicolons or not start < semicolons[-1]):
            self.offsets[id(statements[0])] = (start, end)  # most lines: one statement, no ``;``
            self.last_end = end
            return
        source = self.source
        low = bisect_left(semicolons, start)
        bounds = semicolons[low : bisect_left(semicolons, end, low)]
        bounds.append(end)
        begin = start
        count = 0
        for bound in bounds:
            if begin >= bound:  # nothing after a trailing semicolon
                if bound != end:
                    raise _Unexpected
                break
            if count >= len(statements):
                raise _Unexpected
            stop = begin + len(source[begin:bound].rstrip(_TRAILING))
            self.offsets[id(statements[count])] = (begin, stop)
            count += 1
            begin = _BLANKS.match(source, bound + 1).end()
        if count != len(statements):
            raise _Unexpected
        # A block's last line ``del x;``: ``ast`` ends the compound statement holding it at the
        # semicolon (its last token), the ``del`` before it.
        self.last_end = end

    def _line(self) -> int:
        """Consume the next logical line; where its first token starts."""
        start = _SKIP.match(self.source, self.position).end()
        at = bisect_left(self.newlines, start, self.consumed)
        newline = self.newlines[at]
        if start >= newline:
            raise _Unexpected
        self.consumed = at + 1
        self.position = newline + 1
        return start

    def _code_end(self, start: int) -> int:
        """Where the code of the logical line just consumed (from ``start``) ends: before a
        comment on its last physical line, trailing blanks and backslash continuations."""
        cut = self.cuts[self.consumed - 1]
        return start + len(self.source[start:cut].rstrip(_TRAILING))


# The keyword each compound statement's header starts with.
_KEYWORDS = {
    cst.FunctionDef: lambda node: "async" if node.asynchronous is not None else "def",
    cst.ClassDef: lambda node: "class",
    cst.If: lambda node: "if",
    cst.For: lambda node: "async" if node.asynchronous is not None else "for",
    cst.While: lambda node: "while",
    cst.With: lambda node: "async" if node.asynchronous is not None else "with",
    cst.Try: lambda node: "try",
    cst.Match: lambda node: "match",
}
if hasattr(cst, "TryStar"):
    _KEYWORDS[cst.TryStar] = lambda node: "try"
