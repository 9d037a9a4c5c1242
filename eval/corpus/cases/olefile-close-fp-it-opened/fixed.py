from __future__ import annotations


class OleFileIO:
    def __init__(self, filename) -> None:
        self.fp = None
        self._we_opened_fp = False
        self.open(filename)

    def open(self, filename) -> None:
        if hasattr(filename, "read"):
            self.fp = filename
        else:
            self.fp = open(filename, "rb")
            self._we_opened_fp = True
        self.header = self.fp.read(512)

    def close(self) -> None:
        self.header = b""
        if self._we_opened_fp:
            self.fp.close()
            self._we_opened_fp = False
