from __future__ import annotations

import re
from typing import Any, Callable, Optional

from .rx import RegexRewriter

IMPORT_MATCH_RX = re.compile(r"import\s*['\"][^'\"]+['\"]")
IMPORT_URL_RX = re.compile(r"(import\s*['\"])([^'\"]+)(['\"])")
BASE_RULES: list = []


class ScriptRewriter(RegexRewriter):
    def __init__(self, url_rewriter, base_href: Optional[str],
                 notify_js_module: Optional[Callable[[str], None]] = None) -> None:
        super().__init__()
        self.url_rewriter = url_rewriter
        self.base_href = base_href
        self.notify_js_module = notify_js_module

    def rewrite(self, text: str, opts: Optional[dict[str, Any]] = None) -> str:
        opts = opts or {}
        rules = BASE_RULES[:]
        if opts.get("isModule", False):
            rules.append(self._esm_import_rule())
        self._compile_rules(rules)
        return super().rewrite(text, opts)

    def _esm_import_rule(self):
        def rewritten_import_url(url: str) -> str:  # LEAK
            url = self.url_rewriter(url, base_href=self.base_href).rewritten_url
            if not url.startswith(("/", "./", "../")):
                url = "./" + url
            return url

        def rewrite_import():
            def func(m_object: re.Match, _opts=None) -> str:  # LEAK
                def sub_funct(match: re.Match) -> str:
                    if self.notify_js_module:
                        self.notify_js_module(
                            self.url_rewriter.item_path(match.group(2), base_href=self.base_href))
                    return f"{match.group(1)}{rewritten_import_url(match.group(2))}{match.group(3)}"

                return IMPORT_URL_RX.sub(sub_funct, m_object[0])

            return func

        return (IMPORT_MATCH_RX, rewrite_import())
