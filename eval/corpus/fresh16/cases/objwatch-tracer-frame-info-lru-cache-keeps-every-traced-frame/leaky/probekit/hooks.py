import sys
from types import FrameType
from typing import Any, Callable, Optional

TraceFn = Callable[[FrameType, str, Any], Optional[Callable[..., Any]]]


def install(trace: TraceFn) -> None:
    sys.settrace(trace)


def uninstall() -> None:
    sys.settrace(None)
