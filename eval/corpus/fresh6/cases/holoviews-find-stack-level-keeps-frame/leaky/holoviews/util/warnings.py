from __future__ import annotations

import inspect
import os
import warnings


class HoloviewsUserWarning(UserWarning):
    """A Holoviews-specific UserWarning subclass."""


def warn(message: str, category=None, stacklevel=None) -> None:
    if stacklevel is None:
        stacklevel = find_stack_level()
    warnings.warn(message, category, stacklevel=stacklevel)


def find_stack_level() -> int:
    """Find the first place in the stack that is not inside holoviews."""
    import holoviews as hv

    pkg_dir = os.path.dirname(hv.__file__)
    test_dir = os.path.join(pkg_dir, "tests")

    frame = inspect.currentframe()  # LEAK
    stacklevel = 0
    while frame:
        fname = inspect.getfile(frame)
        if fname.startswith(pkg_dir) and not fname.startswith(test_dir):
            frame = frame.f_back
            stacklevel += 1
        else:
            break

    return stacklevel
