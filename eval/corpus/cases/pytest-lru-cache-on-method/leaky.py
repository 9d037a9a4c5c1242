from __future__ import annotations

import functools
from pathlib import Path


class ConftestManager:
    def __init__(self, rootdir: Path) -> None:
        self.rootdir = rootdir
        self.loaded: dict[Path, object] = {}

    @functools.lru_cache(maxsize=128)  # LEAK
    def modules_for(self, path: Path) -> list[object]:
        return [mod for parent, mod in self.loaded.items() if parent in path.parents]
