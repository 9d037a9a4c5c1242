import inspect
import os
import sys
from typing import Any, Collection, Dict, Optional

PACKAGE_DIR = os.path.dirname(os.path.dirname(__file__))


def find_stacklevel() -> int:
    """The first frame outside this package, so warnings point at user code."""
    frame = inspect.currentframe()
    n = 0
    try:
        while frame:
            if inspect.getfile(frame).startswith(PACKAGE_DIR):
                frame = frame.f_back
                n += 1
            else:
                break
    finally:
        # Break the cycle between this frame and the frame object it holds.
        del frame
    return n


def get_stack_locals(of_type: Optional[type] = None, named: Optional[Collection[str]] = None, n_objects: Optional[int] = None, n_frames: Optional[int] = None) -> Dict[str, Any]:
    objects: Dict[str, Any] = {}
    examined = 0
    limit = sys.maxsize if n_frames is None else n_frames
    stack_frame = inspect.currentframe()
    stack_frame = getattr(stack_frame, "f_back", None)
    try:
        while stack_frame and examined < limit:
            for name, obj in reversed(list(stack_frame.f_locals.items())):
                if name not in objects and (named is None or name in named) and (of_type is None or isinstance(obj, of_type)):
                    objects[name] = obj
                    if n_objects is not None and len(objects) >= n_objects:
                        return objects
            stack_frame = stack_frame.f_back
            examined += 1
    finally:
        del stack_frame
    return objects
