from __future__ import annotations

import os


class ModuleSource:
    def __init__(self, path: str) -> None:
        self.path = path
        self._metadata: dict[str, str] = {}

    def read_metadata(self, name: str) -> str:
        if name not in self._metadata:
            with open(os.path.join(self.path, name), encoding="utf-8") as handle:
                self._metadata[name] = handle.read()
        return self._metadata[name]
