"""Code quoted in a message, on one line as a person would write it.

A call formatted over several lines (``open(\\n    path,\\n    "r",\\n)``) is quoted as
``open(path, "r")``: line breaks inside brackets become nothing next to a bracket and one space
elsewhere, comments go, and the trailing comma a line break left before a closing bracket goes
too. Spacing within a line is kept as written.
"""

from __future__ import annotations

import io
import keyword
import tokenize

_OPEN, _CLOSE = "([{", ")]}"
_SKIPPED = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER}


def one_line_code(code: str) -> str:
    code = code.strip()
    if "\n" not in code and "\r" not in code:
        return " ".join(code.split())
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.type not in _SKIPPED]
    except (tokenize.TokenError, SyntaxError, ValueError):
        return " ".join(code.split())
    lines = code.splitlines(keepends=True)
    out: list = []
    previous = None
    # For each open bracket: may a trailing comma before its close go? Yes in a call's arguments
    # and in list, set and dict displays; no in `(1,)` or `d[1,]`, where it makes a tuple.
    droppable: list = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.string in _OPEN:
            after_value = previous is not None and _ends_value(previous)
            droppable.append(token.string == "{" or (token.string == "(") == after_value)
        elif token.string in _CLOSE and droppable:
            droppable.pop()
        if (
            token.string == ","
            and following is not None
            and following.string in _CLOSE
            and following.start[0] != token.end[0]
            and droppable
            and droppable[-1]
        ):
            continue  # the trailing comma of a call spread over lines
        if previous is not None:
            if previous.end[0] == token.start[0]:
                out.append(lines[token.start[0] - 1][previous.end[1] : token.start[1]])
            elif previous.string[-1:] not in _OPEN and token.string not in _CLOSE:
                out.append(" ")
        out.append(token.string)
        previous = token
    return "".join(out) if out else " ".join(code.split())


def _ends_value(token: tokenize.TokenInfo) -> bool:
    """Does ``token`` end an expression, so that a bracket after it is a call or a subscript?"""
    if token.type == tokenize.NAME:
        return not keyword.iskeyword(token.string) or token.string in ("True", "False", "None")
    return token.type in (tokenize.NUMBER, tokenize.STRING) or token.string in _CLOSE


def shortened_code(code: str, limit: int = 60) -> str:
    """``code`` on one line (:func:`one_line_code`), cut to ``limit`` characters with ``...``."""
    code = one_line_code(code)
    return code if len(code) <= limit else code[: limit - 3] + "..."
