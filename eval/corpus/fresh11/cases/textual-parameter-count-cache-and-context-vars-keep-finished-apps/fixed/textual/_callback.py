from __future__ import annotations

from functools import partial
from inspect import isawaitable, signature
from typing import Any, Callable


def count_parameters(func: Callable) -> int:
    """Count the number of parameters in a callable"""
    from ._profile import timer

    with timer("count"):
        try:
            return func._param_count
        except AttributeError:
            pass
        if isinstance(func, partial):
            param_count = _count_parameters(func) + len(func.args)
        elif hasattr(func, "__self__"):
            # Bound method
            func = func.__func__  # type: ignore
            param_count = _count_parameters(func) - 1
        else:
            param_count = _count_parameters(func)
        func._param_count = param_count
        return param_count


def _count_parameters(func: Callable) -> int:
    """Count the number of parameters in a callable"""
    return len(signature(func).parameters)


async def _invoke(callback: Callable, *params: object) -> Any:
    """Invoke a callback with an arbitrary number of parameters."""
    parameter_count = count_parameters(callback)
    result = callback(*params[:parameter_count])
    if isawaitable(result):
        result = await result
    return result
