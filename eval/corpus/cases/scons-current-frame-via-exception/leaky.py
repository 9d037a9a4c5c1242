from __future__ import annotations

import sys


def caller_trace(back: int = 0) -> tuple:
    try:
        1 // 0
    except ZeroDivisionError:
        tb = sys.exc_info()[2]  # LEAK
    frame = tb.tb_frame  # LEAK
    for _ in range(back + 1):
        frame = frame.f_back
    return frame.f_code.co_filename, frame.f_lineno
