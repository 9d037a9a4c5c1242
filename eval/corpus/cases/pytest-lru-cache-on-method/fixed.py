from __future__ import annotations

from pathlib import Path


class ConftestManager:
    def __init__(self, rootdir: Path) -> None:
        self.rootdir = rootdir
        self.loaded: dict[Path, object] = {}
        self._modules_cache: dict[Path, list[object]] = {}

    def modules_for(self, path: Path) -> list[object]:
        cached = self._modules_cache.get(path)
        if cached is None:
            cached = [mod for parent, mod in self.loaded.items() if parent in path.parents]
            self._modules_cache[path] = cached
        return cached
