from functools import lru_cache
from typing import BinaryIO

from .page import Page


class EseDB:
    def __init__(self, fh: BinaryIO, page_size: int = 8192) -> None:
        self.fh = fh
        self.page_size = page_size
        self.page = lru_cache(4096)(self.page)  # type: ignore[method-assign]

    def read_page(self, num: int) -> bytes:
        self.fh.seek((num + 1) * self.page_size)
        return self.fh.read(self.page_size)

    def page(self, num: int) -> Page:
        """Get a logical page."""
        return Page(self, num, self.read_page(num))
