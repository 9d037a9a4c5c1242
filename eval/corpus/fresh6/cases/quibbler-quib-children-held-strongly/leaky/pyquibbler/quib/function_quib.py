from __future__ import annotations

from typing import Any, Callable, Mapping, Tuple

from .quib import Quib


class FunctionQuib(Quib):
    """A quib computed lazily by calling func on the values of the quibs among its arguments."""

    def __init__(self, func: Callable, args: Tuple[Any, ...], kwargs: Mapping[str, Any]) -> None:
        super().__init__()
        self._func = func
        self._args = args
        self._kwargs = kwargs
        self._cache = None

    @classmethod
    def create(cls, func: Callable, func_args: Tuple[Any, ...] = (), func_kwargs: Mapping[str, Any] = None):
        func_kwargs = dict(func_kwargs or {})
        self = cls(func=func, args=func_args, kwargs=func_kwargs)
        for arg in list(func_args) + list(func_kwargs.values()):
            if isinstance(arg, Quib):
                arg.add_child(self)  # LEAK
        return self

    def _invalidate(self) -> None:
        self._cache = None

    def get_value(self) -> Any:
        if self._cache is None:
            args = [a.get_value() if isinstance(a, Quib) else a for a in self._args]
            kwargs = {k: v.get_value() if isinstance(v, Quib) else v for k, v in self._kwargs.items()}
            self._cache = self._func(*args, **kwargs)
        return self._cache
