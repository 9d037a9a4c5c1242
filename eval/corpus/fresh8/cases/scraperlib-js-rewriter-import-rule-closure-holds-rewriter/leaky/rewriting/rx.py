from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Optional

TransformationRule = tuple  # (pattern, function(match, opts) -> str)


class RegexRewriter:
    """Applies a list of (regex, function) rules in one pass through one combined regex."""

    def __init__(self, rules: Optional[Iterable[TransformationRule]] = None) -> None:
        self.rules: list = list(rules or [])
        self.compiled_rule: Optional[re.Pattern] = None
        if self.rules:
            self._compile_rules(self.rules)

    def _compile_rules(self, rules: Iterable[TransformationRule]) -> None:
        self.rules = list(rules)  # LEAK
        self.compiled_rule = re.compile("|".join(f"(?:{p.pattern})" for p, _ in self.rules))

    def rewrite(self, text: str, opts: Optional[dict[str, Any]] = None) -> str:
        if not self.compiled_rule:
            return text

        def replace(match: re.Match) -> str:
            for pattern, func in self.rules:
                if pattern.fullmatch(match.group(0)):
                    return func(match, opts)
            return match.group(0)

        return self.compiled_rule.sub(replace, text)
