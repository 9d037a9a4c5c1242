from __future__ import annotations

import inspect
import os

_PKG_DIR = os.path.dirname(os.path.abspath(__file__))


def find_stack_level() -> int:
    frame = inspect.currentframe()
    level = 0
    try:
        while frame is not None:
            if inspect.getfile(frame).startswith(_PKG_DIR):
                frame = frame.f_back
                level += 1
            else:
                break
    finally:
        del frame
    return level
