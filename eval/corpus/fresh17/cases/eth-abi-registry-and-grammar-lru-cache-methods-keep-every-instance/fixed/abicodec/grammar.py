import functools
import re
from typing import Any, Tuple

_TYPE_RE = re.compile(r"^(?P<base>[a-z]+)(?P<sub>\d*)(?P<arrays>(\[\d*\])*)$")


class ParseError(ValueError):
    pass


class ABIType:
    def __init__(self, base: str, sub: str, arrays: Tuple[str, ...]) -> None:
        self.base = base
        self.sub = sub
        self.arrays = arrays

    def to_type_str(self) -> str:
        return self.base + self.sub + "".join(self.arrays)


class NodeVisitor:
    """Parses ABI type strings; parsing results are cached."""

    def __init__(self) -> None:
        self.parse = functools.lru_cache(maxsize=None)(self._parse_uncached)

    def _parse_uncached(self, type_str: str, **kwargs: Any) -> ABIType:
        match = _TYPE_RE.match(type_str)
        if match is None:
            raise ParseError(type_str)
        arrays = tuple(re.findall(r"\[\d*\]", match.group("arrays")))
        return ABIType(match.group("base"), match.group("sub"), arrays)


visitor = NodeVisitor()
