from __future__ import annotations

import atexit


class PdfProvider:
    def __init__(self, path: str, opener) -> None:
        self.path = path
        self.doc = opener(path)
        atexit.register(self.cleanup_doc)  # LEAK

    def page_count(self) -> int:
        return len(self.doc)

    def cleanup_doc(self) -> None:
        self.doc.close()
