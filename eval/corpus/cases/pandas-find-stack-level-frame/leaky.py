from __future__ import annotations

import inspect
import os


def find_stack_level(pkg_dir: str) -> int:
    frame = inspect.currentframe()  # LEAK
    n = 0
    while frame:
        filename = inspect.getfile(frame)
        if filename.startswith(pkg_dir) and not filename.startswith(os.path.join(pkg_dir, "tests")):
            frame = frame.f_back
            n += 1
        else:
            break
    return n
