from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=256)
def compiled(pattern: str) -> "re.Pattern[str]":
    return re.compile(pattern)


def matches(pattern: str, text: str) -> bool:
    return compiled(pattern).search(text) is not None
