import functools
import threading
from collections import OrderedDict
from typing import Any, Callable, Optional


def lru_cached_method(maxsize: Optional[int] = 128) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Like functools.lru_cache, but the cache lives in the instance and dies with it."""

    def decorator(method: Callable[..., Any]) -> Callable[..., Any]:
        cache_attr = "_%s_cache" % method.__name__
        lock_attr = "_%s_lock" % method.__name__

        @functools.wraps(method)
        def wrapper(self: Any, *args: Any) -> Any:
            cache = self.__dict__.setdefault(cache_attr, OrderedDict())
            lock = self.__dict__.setdefault(lock_attr, threading.Lock())
            with lock:
                if args in cache:
                    cache.move_to_end(args)
                    return cache[args]
            value = method(self, *args)
            with lock:
                cache[args] = value
                if maxsize is not None and len(cache) > maxsize:
                    cache.popitem(last=False)
            return value

        return wrapper

    return decorator
