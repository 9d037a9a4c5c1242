from __future__ import annotations

import re


class UrlRewriter:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.rules: list = []

    def compile(self) -> None:
        prefix = self.prefix

        def rewrite(match: re.Match) -> str:
            return prefix + match.group(1)

        self.rules = [(re.compile(r"url\(([^)]+)\)"), rewrite)]

    def apply(self, text: str) -> str:
        for pattern, func in self.rules:
            text = pattern.sub(func, text)
        return text
