from __future__ import annotations

_pattern_cache: dict[str, "DateTimePattern"] = {}  # LEAK


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


def parse_pattern(pattern: str) -> DateTimePattern:
    if pattern in _pattern_cache:
        return _pattern_cache[pattern]
    result = DateTimePattern(pattern, _tokenize(pattern))
    _pattern_cache[pattern] = result  # LEAK
    return result
