from __future__ import annotations

import functools
import re
from typing import Tuple

_VERSION = re.compile(r"^(\d+)\.(\d+)(?:\.(\d+))?")


@functools.lru_cache(maxsize=512)
def parse_version(text: str) -> Tuple[int, int, int]:
    match = _VERSION.match(text.strip())
    if match is None:
        raise ValueError(f"not a version: {text!r}")
    major, minor, patch = match.groups()
    return int(major), int(minor), int(patch or 0)


class Requirement:
    def __init__(self, name: str, minimum: str) -> None:
        self.name = name
        self.minimum = minimum

    def satisfied_by(self, installed: str) -> bool:
        return parse_version(installed) >= parse_version(self.minimum)
