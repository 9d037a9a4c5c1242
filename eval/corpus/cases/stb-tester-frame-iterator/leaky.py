from __future__ import annotations

import os
import sys


def find_user_file(filename: str) -> str | None:
    caller = sys._getframe(1)  # LEAK
    while caller is not None:
        candidate = os.path.join(os.path.dirname(caller.f_code.co_filename), filename)
        if os.path.isfile(candidate):
            return candidate
        caller = caller.f_back
    return None
