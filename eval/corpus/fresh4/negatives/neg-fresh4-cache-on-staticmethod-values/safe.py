from __future__ import annotations

import re
from functools import lru_cache
from typing import Pattern


class Router:
    def __init__(self, routes: dict) -> None:
        self.routes = routes

    @staticmethod
    @lru_cache(maxsize=256)
    def _compile(template: str) -> Pattern[str]:
        return re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template) + "$")

    def match(self, path: str):
        for template, handler in self.routes.items():
            found = self._compile(template).match(path)
            if found:
                return handler, found.groupdict()
        return None, {}
