from __future__ import annotations

import weakref


class Page:
    def __init__(self, document: "Document", number: int) -> None:
        self._document = weakref.ref(document)
        self.number = number
        self.text = ""

    @property
    def document(self) -> "Document | None":
        return self._document()


class Document:
    def __init__(self, title: str, page_count: int) -> None:
        self.title = title
        self.pages = [Page(self, n) for n in range(page_count)]
