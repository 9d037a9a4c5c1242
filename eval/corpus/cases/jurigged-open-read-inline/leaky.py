from __future__ import annotations


class CodeFile:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.source = None

    def refresh(self) -> str:
        self.source = open(self.filename).read()  # LEAK
        return self.source
