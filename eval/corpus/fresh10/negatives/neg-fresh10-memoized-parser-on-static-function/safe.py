from __future__ import annotations

import functools
from typing import Tuple


@functools.lru_cache(maxsize=256)
def parse_expression(expression: str) -> Tuple[str, ...]:
    return tuple(part for part in expression.split() if part)


class Schedule:
    def __init__(self, expression: str) -> None:
        self.expression = expression

    def fields(self) -> Tuple[str, ...]:
        return parse_expression(self.expression)
