from __future__ import annotations

from functools import lru_cache, partial
from inspect import isawaitable, signature
from typing import Any, Callable


def count_parameters(func: Callable) -> int:
    """Count the number of parameters in a callable"""
    if isinstance(func, partial):
        return _count_parameters(func.func) + len(func.args)
    if hasattr(func, "__self__"):
        # Bound method
        func = func.__func__  # type: ignore
        return _count_parameters(func) - 1
    return _count_parameters(func)  # LEAK


@lru_cache(maxsize=2048)  # LEAK
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
