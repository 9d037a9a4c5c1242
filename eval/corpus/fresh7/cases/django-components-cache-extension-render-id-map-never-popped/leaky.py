from __future__ import annotations

from dataclasses import dataclass
from hashlib import md5
from typing import Any, Optional

from django.core.cache import BaseCache, caches

CACHE_KEY_PREFIX = "components:cache:"


class ComponentCache:
    enabled: bool = False
    ttl: Optional[int] = None
    cache_name: Optional[str] = None

    def get_cache(self) -> BaseCache:
        return caches[self.cache_name or "default"]

    def get_cache_key(self, args: list, kwargs: dict, slots: dict) -> str:
        hash_parts = [repr(args), repr(sorted(kwargs.items())), repr(sorted(slots))]
        return CACHE_KEY_PREFIX + md5(",".join(hash_parts).encode()).hexdigest()

    def get_entry(self, cache_key: str) -> Any:
        return self.get_cache().get(cache_key)

    def set_entry(self, cache_key: str, value: Any) -> None:
        self.get_cache().set(cache_key, value, timeout=self.ttl)


@dataclass
class OnComponentInputContext:
    component: Any
    component_id: str
    args: list
    kwargs: dict
    slots: dict


@dataclass
class OnComponentRenderedContext:
    component: Any
    component_id: str
    result: Optional[str]
    error: Optional[Exception]


class CacheExtension:
    """Adds a nested Cache class to each Component; one instance serves the whole process."""

    name = "cache"

    def __init__(self, *_args: Any, **_kwargs: Any) -> None:
        self.render_id_to_cache_key: dict[str, str] = {}

    def on_component_input(self, ctx: OnComponentInputContext) -> Any:
        cache_instance = ctx.component.cache
        if not cache_instance.enabled:
            return None

        cache_key = cache_instance.get_cache_key(ctx.args, ctx.kwargs, ctx.slots)
        self.render_id_to_cache_key[ctx.component_id] = cache_key  # LEAK

        # A cache hit short-circuits the rendering.
        cached_result = cache_instance.get_entry(cache_key)
        if cached_result is not None:
            return cached_result
        return None

    def on_component_rendered(self, ctx: OnComponentRenderedContext) -> None:
        cache_instance = ctx.component.cache
        if not cache_instance.enabled:
            return

        if ctx.error is not None:
            return

        cache_key = self.render_id_to_cache_key[ctx.component_id]
        cache_instance.set_entry(cache_key, ctx.result)
