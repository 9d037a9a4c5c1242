import types
from typing import Callable, Iterable, Optional, Tuple

Extend = Callable[[Optional[types.TracebackType], str, int], types.TracebackType]


def attach_trace(error: BaseException, entries: Iterable[Tuple[str, int]], extend: Extend) -> BaseException:
    tb = error.__traceback__
    try:
        for path, line in entries:
            tb = extend(tb, path, line)
        return error.with_traceback(tb)
    finally:
        del error, tb


def raise_translated(kind: Callable[[str], BaseException], message: str, entries: Iterable[Tuple[str, int]], extend: Extend) -> None:
    raise attach_trace(kind(message), entries, extend)
