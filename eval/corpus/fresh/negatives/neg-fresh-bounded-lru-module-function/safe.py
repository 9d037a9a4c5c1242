from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=256)
def compile_glob(pattern: str) -> re.Pattern[str]:
    escaped = re.escape(pattern).replace(r"\*", ".*").replace(r"\?", ".")
    return re.compile(f"^{escaped}$")


class PathFilter:
    def __init__(self, patterns: list[str]) -> None:
        self.patterns = patterns

    def matches(self, path: str) -> bool:
        return any(compile_glob(p).match(path) for p in self.patterns)
