from __future__ import annotations

import hashlib

from .decorators import cached_property


class Compressor:
    def __init__(self, content: str, output_prefix: str = "compressed", filters=()) -> None:
        self.content = content
        self.output_prefix = output_prefix
        self.filters = list(filters)

    @cached_property
    def cachekey(self) -> str:
        return hashlib.md5(self.content.encode("utf-8")).hexdigest()[:12]

    def split_contents(self) -> list:
        return [("inline", part) for part in self.content.split("\n\n") if part.strip()]

    def filter(self, value: str, method: str) -> str:
        for f in self.filters:
            value = getattr(f, method)(value)
        return value

    def hunks(self, mode: str = "file", forced: bool = False):
        return [(mode, self.filter(value, "input")) for _kind, value in self.split_contents()]

    def filtered_output(self, content: str) -> str:
        return self.filter(content, "output")

    def output(self, mode: str = "file") -> str:
        content = "\n".join(value for _mode, value in self.hunks(mode))
        return self.filtered_output(content)
