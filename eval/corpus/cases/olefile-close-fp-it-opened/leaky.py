from __future__ import annotations


class OleFileIO:
    def __init__(self, filename) -> None:
        self.fp = None
        self.open(filename)

    def open(self, filename) -> None:
        if hasattr(filename, "read"):
            self.fp = filename
        else:
            self.fp = open(filename, "rb")  # LEAK
        self.header = self.fp.read(512)

    def close(self) -> None:
        self.header = b""
