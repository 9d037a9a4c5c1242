"""Memoisation decorators: results are cached until reset() is called."""

from __future__ import annotations


class memoize:
    """Cache every result of func by its arguments, until reset."""

    registry = []

    def __init__(self, func):
        self.func = func
        self.memo = {}
        memoize.registry.append(self)

    def __call__(self, *args, **kwargs):
        key = self.get_key(args, kwargs)
        if key not in self.memo:
            value = self.func(*args, **kwargs)
            self.memo[key] = value
            return value
        return self.memo.get(key)

    def get_key(self, args, kwargs):
        return tuple(args), tuple(kwargs.items())

    def reset(self):
        self.memo = {}
