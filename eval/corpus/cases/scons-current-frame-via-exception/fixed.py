from __future__ import annotations

import sys


def caller_trace(back: int = 0) -> tuple:
    frame = sys._getframe(1)
    try:
        for _ in range(back):
            frame = frame.f_back
        return frame.f_code.co_filename, frame.f_lineno
    finally:
        del frame
