from __future__ import annotations

import fnmatch
import functools


class StyleGuideManager:
    def __init__(self, options: dict, guides: list) -> None:
        self.options = options
        self.guides = guides

    @functools.lru_cache(maxsize=None)  # LEAK
    def guide_for(self, filename: str):
        matches = [g for g in self.guides if fnmatch.fnmatch(filename, g.pattern)]
        return max(matches, key=lambda g: len(g.pattern), default=None)
