import inspect
import os

PACKAGE_DIR = os.path.dirname(__file__)


def find_stacklevel() -> int:
    frame = inspect.currentframe()
    level = 0
    try:
        while frame is not None and inspect.getfile(frame).startswith(PACKAGE_DIR):
            frame = frame.f_back
            level += 1
    finally:
        del frame
    return level
