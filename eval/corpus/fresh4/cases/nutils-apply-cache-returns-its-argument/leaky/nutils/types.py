from __future__ import annotations

import functools
import weakref

import numpy


def lru_cache(func):
    """Buffer-aware cache: an entry is dropped when the buffer of its array argument is destroyed."""

    cache = {}

    @functools.wraps(func)
    def wrapped(*args):
        key = []
        bases = []
        for arg in args:
            if isinstance(arg, numpy.ndarray):
                base = arg if arg.base is None else arg.base
                if arg.flags.writeable:
                    return func(*args)
                bases.append(base)
                key.append((arg.__array_interface__["data"], arg.strides, arg.shape, arg.dtype.str))
            else:
                key.append((type(arg), arg))
        if not bases:
            raise ValueError("arguments must include at least one array")
        key = tuple(key)
        try:
            value, _refs = cache[key]
        except KeyError:
            value = func(*args)
            popkey = functools.partial(cache.pop, key)
            cache[key] = value, [weakref.ref(base, popkey) for base in bases]
        return value

    wrapped.cache = cache
    return wrapped
