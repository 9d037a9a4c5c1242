from __future__ import annotations

from functools import wraps
from typing import Any, Callable, Dict, Hashable


def memoized(maxsize: int = 1024) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Memoization decorator for immutable classes and pure functions."""

    def decorator(obj: Callable[..., Any]) -> Callable[..., Any]:
        cache: Dict[Hashable, Any] = {}

        @wraps(obj)
        def new_callable(*a: Any, **kw: Any) -> Any:
            key = (a, tuple(sorted(kw.items())))
            if key not in cache:
                if len(cache) >= maxsize:
                    cache.pop(next(iter(cache)))
                cache[key] = obj(*a, **kw)
            return cache[key]

        return new_callable

    return decorator
