from __future__ import annotations

import inspect
import traceback
import types
from typing import Any, Callable


class CreationTraceback(Exception):
    pass


def trackback_wrapper(callback: Callable[..., Any]) -> Callable[..., Any]:
    """Wraps a slot so an error in it also shows where it was connected."""
    source = None
    for frame in list(inspect.stack())[1:]:
        source = types.TracebackType(source, frame.frame, frame.index or 0, frame.lineno)  # LEAK

    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            callback(*args, **kwargs)
        except BaseException as exc:
            text = "\n" + "".join(traceback.format_tb(source))  # LEAK
            raise exc from CreationTraceback(text)

    return wrapper


class Signal:
    def __init__(self) -> None:
        self._slots: list[Callable[..., Any]] = []

    def emit(self, *args: Any) -> None:
        for slot in list(self._slots):
            slot(*args)


def connect(signal: Signal, callback: Callable[..., Any]) -> None:
    signal._slots.append(trackback_wrapper(callback))
