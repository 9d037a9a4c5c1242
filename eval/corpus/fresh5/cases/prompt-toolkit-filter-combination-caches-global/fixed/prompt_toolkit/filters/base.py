from __future__ import annotations

import weakref
from abc import ABCMeta, abstractmethod
from typing import Callable, Iterable, List, Optional


class Filter(metaclass=ABCMeta):
    def __init__(self) -> None:
        # per-filter caches, weak on the result: nothing global refers to a filter any more
        self._and_cache: "weakref.WeakValueDictionary[Filter, _AndList]" = weakref.WeakValueDictionary()
        self._or_cache: "weakref.WeakValueDictionary[Filter, _OrList]" = weakref.WeakValueDictionary()
        self._invert_result: Optional[Filter] = None

    @abstractmethod
    def __call__(self) -> bool:
        return True

    def __and__(self, other: "Filter") -> "Filter":
        if other in self._and_cache:
            return self._and_cache[other]
        result = _AndList([self, other])
        self._and_cache[other] = result
        return result

    def __or__(self, other: "Filter") -> "Filter":
        if other in self._or_cache:
            return self._or_cache[other]
        result = _OrList([self, other])
        self._or_cache[other] = result
        return result

    def __invert__(self) -> "Filter":
        if self._invert_result is None:
            self._invert_result = _Invert(self)
        return self._invert_result


class _AndList(Filter):
    def __init__(self, filters: Iterable[Filter]) -> None:
        super().__init__()
        self.filters: List[Filter] = list(filters)

    def __call__(self) -> bool:
        return all(f() for f in self.filters)


class _OrList(Filter):
    def __init__(self, filters: Iterable[Filter]) -> None:
        super().__init__()
        self.filters: List[Filter] = list(filters)

    def __call__(self) -> bool:
        return any(f() for f in self.filters)


class _Invert(Filter):
    def __init__(self, filter: Filter) -> None:
        super().__init__()
        self.filter = filter

    def __call__(self) -> bool:
        return not self.filter()


class Condition(Filter):
    def __init__(self, func: Callable[[], bool]) -> None:
        super().__init__()
        self.func = func

    def __call__(self) -> bool:
        return self.func()
