from __future__ import annotations

from abc import ABCMeta, abstractmethod
from typing import Callable, Dict, Iterable, List, Tuple


class Filter(metaclass=ABCMeta):
    @abstractmethod
    def __call__(self) -> bool:
        return True

    def __and__(self, other: "Filter") -> "Filter":
        return _and_cache[self, other]

    def __or__(self, other: "Filter") -> "Filter":
        return _or_cache[self, other]

    def __invert__(self) -> "Filter":
        return _invert_cache[self]


class _AndCache(Dict[Tuple[Filter, Filter], "_AndList"]):
    """Cache for And operation between filters."""

    def __missing__(self, filters: Tuple[Filter, Filter]) -> "Filter":
        result = _AndList(filters)
        self[filters] = result  # LEAK
        return result


class _OrCache(Dict[Tuple[Filter, Filter], "_OrList"]):
    def __missing__(self, filters: Tuple[Filter, Filter]) -> "Filter":
        result = _OrList(filters)
        self[filters] = result  # LEAK
        return result


class _InvertCache(Dict[Filter, "_Invert"]):
    def __missing__(self, filter: Filter) -> "Filter":
        result = _Invert(filter)
        self[filter] = result  # LEAK
        return result


_and_cache = _AndCache()
_or_cache = _OrCache()
_invert_cache = _InvertCache()


class _AndList(Filter):
    def __init__(self, filters: Iterable[Filter]) -> None:
        self.filters: List[Filter] = list(filters)

    def __call__(self) -> bool:
        return all(f() for f in self.filters)


class _OrList(Filter):
    def __init__(self, filters: Iterable[Filter]) -> None:
        self.filters: List[Filter] = list(filters)

    def __call__(self) -> bool:
        return any(f() for f in self.filters)


class _Invert(Filter):
    def __init__(self, filter: Filter) -> None:
        self.filter = filter

    def __call__(self) -> bool:
        return not self.filter()


class Condition(Filter):
    def __init__(self, func: Callable[[], bool]) -> None:
        self.func = func

    def __call__(self) -> bool:
        return self.func()
