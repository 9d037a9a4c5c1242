from __future__ import annotations

import inspect
import os
import warnings

PKG_DIR = os.path.dirname(os.path.abspath(__file__))


def find_stack_level() -> int:
    frame = inspect.currentframe()
    try:
        level = 0
        while frame is not None:
            if inspect.getfile(frame).startswith(PKG_DIR):
                frame = frame.f_back
                level += 1
            else:
                break
        return level
    finally:
        del frame


def warn(message: str) -> None:
    warnings.warn(message, UserWarning, stacklevel=find_stack_level())
