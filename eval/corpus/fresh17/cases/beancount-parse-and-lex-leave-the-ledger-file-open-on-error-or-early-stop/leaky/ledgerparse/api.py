import io
import sys
from typing import Any, Iterator, Optional, Tuple

from .engine import Builder, Engine


def lex_iter(source: Any) -> Iterator[Tuple[int, bytes]]:
    if not isinstance(source, io.IOBase):
        source = open(source, "rb")  # LEAK
    yield from Engine(Builder()).lex(source)


def parse_file(source: Any, report_filename: Optional[str] = None) -> Any:
    close_me = None
    if source == "-":
        close_me = source = sys.stdin.buffer
    elif not isinstance(source, io.IOBase):
        close_me = source = open(source, "rb")  # LEAK

    builder = Builder()
    Engine(builder).parse(source, filename=report_filename or "<input>")

    if close_me:
        close_me.close()
    return builder.finalize()
