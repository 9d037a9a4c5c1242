from __future__ import annotations

import asyncio
import functools
import time
import weakref
from collections import defaultdict
from typing import Any, Awaitable, Callable, DefaultDict, Dict, TypeVar

T = TypeVar("T")


def async_ttl_cache(ttl: float = 300, cleanup_self: bool = False,
                    ) -> Callable[[Callable[..., Awaitable[T]]], Callable[..., Awaitable[T]]]:
    async def call_or_get_from_cache(cache, coro, args, kwargs):
        key = functools._make_key(args, kwargs, typed=False)
        try:
            future, last_update = cache[key]
            if ttl > 0 and time.time() - last_update > ttl:
                raise KeyError
        except KeyError:
            future = asyncio.ensure_future(coro)
            # +infinity: always wait on the request in flight
            cache[key] = (future, float("Inf"))
        value = await future
        cache[key] = (future, time.time())
        return value

    if cleanup_self:
        cache: DefaultDict[Any, Dict] = defaultdict(dict)

        def on_delete(w):
            del cache[w]

        def outer(wrapped):
            @functools.wraps(wrapped)
            async def inner(self, *args, **kwargs):
                # one sub-cache per instance, dropped when the instance dies
                w = weakref.ref(self, on_delete)
                self_cache = cache[w]
                return await call_or_get_from_cache(self_cache, wrapped(self, *args, **kwargs), args, kwargs)
            return inner
    else:
        cache2: Dict = {}

        def outer(wrapped):
            @functools.wraps(wrapped)
            async def inner(*args, **kwargs):
                return await call_or_get_from_cache(cache2, wrapped(*args, **kwargs), args, kwargs)
            return inner
    return outer
