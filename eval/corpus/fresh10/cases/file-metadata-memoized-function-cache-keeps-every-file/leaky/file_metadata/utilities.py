from __future__ import annotations

import functools


def memoized(func=None, is_method=False, cache=None):
    """A generic memoizing decorator; the cache is kept on the decorated function."""
    def _args_kwargs_memoized(func, cache=None):
        func.cache = cache if cache is not None else {}  # LEAK

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            key = (args, frozenset(kwargs.items()))
            try:
                return func.cache[key]
            except KeyError:
                func.cache[key] = value = func(*args, **kwargs)
                return value
        return wrapper

    if func is None:
        return functools.partial(memoized, is_method=is_method, cache=cache)
    return _args_kwargs_memoized(func, cache)
