from __future__ import annotations

import functools


class memoize:
    def __init__(self, func) -> None:
        self.func = func

    def __call__(self, *args, **kwargs):
        key = (args, str(kwargs))
        if key in self.__dict__:
            value = self.__dict__[key]
        else:
            value = self.func(*args, **kwargs)
            self.__dict__[key] = value  # LEAK
        return value

    def __get__(self, obj, objtype):
        """Support instance methods."""
        return functools.partial(self.__call__, obj)


class cached_property:
    def __init__(self, func) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = obj.__dict__[self.func.__name__] = self.func(obj)
        return value
