from __future__ import annotations


class PdfProvider:
    def __init__(self, path: str, opener) -> None:
        self.path = path
        self.doc = opener(path)

    def page_count(self) -> int:
        return len(self.doc)

    def close(self) -> None:
        self.doc.close()

    def __enter__(self) -> "PdfProvider":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
