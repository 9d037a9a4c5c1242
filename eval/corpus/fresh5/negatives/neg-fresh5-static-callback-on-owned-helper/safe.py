from __future__ import annotations

from typing import Callable, Optional


class TemplateEngine:
    def __init__(self, autoescape: Callable[[Optional[str]], bool]) -> None:
        self.autoescape = autoescape
        self.cache: dict = {}


class Site:
    def __init__(self, root: str) -> None:
        self.root = root
        self.engine = TemplateEngine(autoescape=self.should_escape)

    @staticmethod
    def should_escape(filename: Optional[str]) -> bool:
        return bool(filename) and filename.endswith((".html", ".xml"))
