from __future__ import annotations

from functools import partial
from typing import Any, Callable, Dict, Mapping, Optional


class NoSuchFilterFunc(Exception):
    pass


class Context:
    def __init__(self, env, globals: Optional[Mapping[str, object]] = None) -> None:
        self.env = env
        self.globals = dict(globals or {})
        self.locals: Dict[str, object] = {}
        self.scope = [self.locals, self.globals]

    def get(self, name: str, default: object = None) -> object:
        for namespace in self.scope:
            if name in namespace:
                return namespace[name]
        return default

    def filter(self, name: str) -> Callable[..., object]:
        """Return the filter function with given name."""
        try:
            filter_func = self.env.filters[name]
        except KeyError as err:
            raise NoSuchFilterFunc(f"unknown filter '{name}'") from err

        kwargs: Dict[str, Any] = {}
        if getattr(filter_func, "with_context", False):
            kwargs["context"] = self
        if getattr(filter_func, "with_environment", False):
            kwargs["environment"] = self.env
        if kwargs:
            return partial(filter_func, **kwargs)
        return filter_func
