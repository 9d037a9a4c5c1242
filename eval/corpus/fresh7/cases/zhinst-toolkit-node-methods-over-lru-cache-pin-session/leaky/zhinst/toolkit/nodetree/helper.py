"""Helper functions used in toolkit."""
from __future__ import annotations

import typing as t
from functools import lru_cache

T = t.TypeVar("T")


def lazy_property(property_function: t.Callable[..., T]) -> property:
    """Alternative for functools.cached_property (only available since Python 3.8)."""
    return property(lru_cache()(property_function))  # LEAK
