from typing import Any, Iterable, Iterator, List, Optional

WHITESPACE = frozenset(b" \t\r\n")
SPECIALS = frozenset(b' ()%"[')
OPEN_SQUARE, CLOSE_SQUARE, DOUBLE_QUOTE, BACKSLASH = ord("["), ord("]"), ord('"'), ord("\\")


class TokenSource:
    """A simple iterator over the tokens of one response."""

    def __init__(self, text: Iterable[Any]) -> None:
        self.lex = Lexer(text)
        self.src = iter(self.lex)

    @property
    def current_literal(self) -> Optional[bytes]:
        assert self.lex.current_source is not None
        return self.lex.current_source.literal

    def __iter__(self) -> Iterator[bytes]:
        return self.src


class Lexer:
    def __init__(self, text: Iterable[Any]) -> None:
        self.sources = (LiteralHandlingIter(chunk) for chunk in text)
        self.current_source: Optional["LiteralHandlingIter"] = None

    def read_until(self, stream_i: "PushableIterator", end_char: int) -> bytearray:
        token = bytearray()
        for nextchar in stream_i:
            token.append(nextchar)
            if nextchar == end_char:
                return token
        raise ValueError("No closing %r" % chr(end_char))

    def read_token_stream(self, stream_i: "PushableIterator") -> Iterator[bytearray]:
        while True:
            for nextchar in stream_i:
                if nextchar not in WHITESPACE:
                    stream_i.push(nextchar)
                    break
            token = bytearray()
            for nextchar in stream_i:
                if nextchar not in SPECIALS and nextchar not in WHITESPACE:
                    token.append(nextchar)
                elif nextchar == OPEN_SQUARE:
                    token.append(nextchar)
                    token.extend(self.read_until(stream_i, CLOSE_SQUARE))
                else:
                    if nextchar in WHITESPACE:
                        yield token
                    elif nextchar == DOUBLE_QUOTE:
                        token.append(nextchar)
                        token.extend(self.read_until(stream_i, nextchar))
                        yield token
                    else:
                        if token:
                            yield token
                        yield bytearray([nextchar])
                    break
            else:
                if token:
                    yield token
                break

    def __iter__(self) -> Iterator[bytes]:
        for source in self.sources:
            self.current_source = source
            for tok in self.read_token_stream(iter(source)):
                yield bytes(tok)


class LiteralHandlingIter:
    """One response record: a line, or a line ending in a literal marker plus the literal."""

    def __init__(self, resp_record: Any) -> None:
        if isinstance(resp_record, tuple):
            self.src_text: bytes = resp_record[0]
            self.literal: Optional[bytes] = resp_record[1]
        else:
            self.src_text = resp_record
            self.literal = None

    def __iter__(self) -> "PushableIterator":
        return PushableIterator(iter(self.src_text))


class PushableIterator:
    def __init__(self, it: Iterator[int]) -> None:
        self.it = it
        self.pushed: List[int] = []

    def __iter__(self) -> "PushableIterator":
        return self

    def __next__(self) -> int:
        if self.pushed:
            return self.pushed.pop()
        return next(self.it)

    def push(self, item: int) -> None:
        self.pushed.append(item)
