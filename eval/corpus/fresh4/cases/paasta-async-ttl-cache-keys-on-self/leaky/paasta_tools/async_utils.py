from __future__ import annotations

import asyncio
import functools
import time
from typing import Awaitable, Callable, Dict, TypeVar

T = TypeVar("T")


def async_ttl_cache(ttl: float = 300) -> Callable[[Callable[..., Awaitable[T]]], Callable[..., Awaitable[T]]]:
    _cache: Dict = {}

    def outer(wrapped):
        @functools.wraps(wrapped)
        async def inner(*args, **kwargs):
            key = functools._make_key(args, kwargs, typed=False)
            try:
                future, last_update = _cache[key]
                if ttl > 0 and time.time() - last_update > ttl:
                    raise KeyError
            except KeyError:
                future = asyncio.ensure_future(wrapped(*args, **kwargs))
                # +infinity: always wait on the request in flight
                _cache[key] = (future, float("Inf"))
            value = await future
            _cache[key] = (future, time.time())
            return value
        return inner
    return outer
