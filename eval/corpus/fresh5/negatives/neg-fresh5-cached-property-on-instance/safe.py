from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import List


class SourceFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    @functools.cached_property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @functools.cached_property
    def lines(self) -> List[str]:
        return self.text.splitlines()

    @functools.cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()
