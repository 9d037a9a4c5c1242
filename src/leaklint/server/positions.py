"""Lines and columns as LSP counts them, converted with the document's position codec.

leaklint reports 1-based lines and code-point columns; LSP wants 0-based lines and, by default,
UTF-16 columns (the client may negotiate UTF-8 or UTF-32: the codec knows which). LSP lines end
only at ``\\n``, ``\\r\\n`` or ``\\r``; ``str.splitlines`` (which pygls' ``TextDocument.lines``
uses) also breaks at form feeds, ``\\x1c``-``\\x1e``, ``\\x85``, ``\\u2028`` and ``\\u2029``,
all legal inside Python source, so every conversion here goes through ``split_lines``.
"""

from __future__ import annotations

import re
from typing import List, Protocol, Sequence, Tuple

_LINE_END = re.compile(r"\r\n|\r|\n")

Point = Tuple[int, int]  # 0-based line, 0-based code-point column


class Codec(Protocol):
    """The part of pygls' ``PositionCodec`` used here."""

    def client_num_units(self, string: str) -> int: ...


def split_lines(text: str) -> List[str]:
    """The lines of ``text`` with their endings, split where LSP splits them."""
    lines: List[str] = []
    start = 0
    for match in _LINE_END.finditer(text):
        lines.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        lines.append(text[start:])
    return lines


def content(line: str) -> str:
    """A line without its ending."""
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


def to_client(codec: Codec, lines: Sequence[str], point: Point) -> Tuple[int, int]:
    """A code-point position as (line, character) in the client's units, clamped to the text."""
    line, column = point
    if line >= len(lines):
        return len(lines), 0
    text = content(lines[line])
    return line, codec.client_num_units(text[: max(0, min(column, len(text)))])


def from_client(codec: Codec, lines: Sequence[str], line: int, character: int) -> Point:
    """A client position as a code-point position; a column past the end means the line's end."""
    if line >= len(lines):
        return len(lines), 0
    units = 0
    text = content(lines[line])
    for index, char in enumerate(text):
        if units >= character:
            return line, index
        units += codec.client_num_units(char)
    return line, len(text)


def point_at(lines: Sequence[str], offset: int) -> Point:
    """The code-point position of a code-point offset into the text."""
    for number, line in enumerate(lines):
        last_unterminated = number == len(lines) - 1 and content(line) == line
        if offset < len(line) or (last_unterminated and offset == len(line)):
            return number, offset
        offset -= len(line)
    return len(lines), 0


def from_one_based(line: int, column: int) -> Point:
    """leaklint's 1-based (line, column) as a 0-based point."""
    return max(line - 1, 0), max(column - 1, 0)
