from __future__ import annotations


class CodeFile:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.source = None

    def refresh(self) -> str:
        with open(self.filename) as handle:
            self.source = handle.read()
        return self.source
