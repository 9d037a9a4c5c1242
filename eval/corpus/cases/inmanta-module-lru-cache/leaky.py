from __future__ import annotations

import functools
import os


class ModuleSource:
    def __init__(self, path: str) -> None:
        self.path = path

    @functools.lru_cache()  # LEAK
    def read_metadata(self, name: str) -> str:
        with open(os.path.join(self.path, name), encoding="utf-8") as handle:
            return handle.read()
