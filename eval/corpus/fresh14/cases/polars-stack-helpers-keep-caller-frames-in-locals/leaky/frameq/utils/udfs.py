import inspect
import os
from typing import Any, Callable, Dict

PACKAGE_DIR = os.path.dirname(os.path.dirname(__file__))


def get_all_caller_variables() -> Dict[str, Any]:
    """Locals and globals of the first caller outside this package."""
    frame = inspect.currentframe()  # LEAK
    while frame:
        if inspect.getfile(frame).startswith(PACKAGE_DIR):
            frame = frame.f_back
        else:
            break
    if frame is None:
        return {}
    return {**frame.f_locals, **frame.f_globals}


def can_rewrite_as_expression(function: Callable[..., Any]) -> bool:
    caller_variables = get_all_caller_variables()
    names = getattr(getattr(function, "__code__", None), "co_names", ())
    return all(name in caller_variables or name in dir(__builtins__) for name in names)
