from typing import Any, Iterable, List

from .response_lexer import TokenSource


def parse_response(data: Iterable[Any]) -> List[Any]:
    """Called for every untagged response the client reads."""
    src = TokenSource(data)
    parsed: List[Any] = []
    for token in src:
        if token.endswith(b"}") and token.startswith(b"{"):
            parsed.append(src.current_literal)
        else:
            parsed.append(token)
    return parsed
