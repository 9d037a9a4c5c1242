import contextlib
import io
import sys
from typing import Any, Iterator, Optional, Tuple

from .engine import Builder, Engine


def lex_iter(source: Any) -> Iterator[Tuple[int, bytes]]:
    with contextlib.ExitStack() as stack:
        if not isinstance(source, io.IOBase):
            source = stack.enter_context(open(source, "rb"))
        yield from Engine(Builder()).lex(source)


def parse_file(source: Any, report_filename: Optional[str] = None) -> Any:
    with contextlib.ExitStack() as stack:
        if source == "-":
            source = sys.stdin.buffer
        elif not isinstance(source, io.IOBase):
            source = stack.enter_context(open(source, "rb"))
        builder = Builder()
        Engine(builder).parse(source, filename=report_filename or "<input>")
    return builder.finalize()
