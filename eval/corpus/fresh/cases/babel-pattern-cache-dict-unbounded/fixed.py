from __future__ import annotations

from functools import lru_cache


class DateTimePattern:
    def __init__(self, pattern: str, fields: list[tuple[str, int]]) -> None:
        self.pattern = pattern
        self.fields = fields


def _tokenize(pattern: str) -> list[tuple[str, int]]:
    fields: list[tuple[str, int]] = []
    for char in pattern:
        if fields and fields[-1][0] == char:
            fields[-1] = (char, fields[-1][1] + 1)
        else:
            fields.append((char, 1))
    return fields


@lru_cache(maxsize=1024)
def parse_pattern(pattern: str) -> DateTimePattern:
    return DateTimePattern(pattern, _tokenize(pattern))
