from __future__ import annotations

import functools


class Document:
    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def words(self) -> list:
        return self.text.split()
