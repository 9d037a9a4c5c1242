from __future__ import annotations

import time

import httpx

from .http import _CACHE_LOCK, _SHARED_CACHE, FetchConfig


class AsyncHttpClient:
    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._client = httpx.AsyncClient(timeout=self.config.timeout)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(self, url: str) -> httpx.Response:
        cached = self._cache_get(url)
        if cached is not None:
            return cached
        resp = await self._client.get(url)
        resp.raise_for_status()
        self._cache_put(url, resp)
        return resp

    # the cache is the sync client's module-level store, under the same lock
    def _cache_get(self, key: str) -> httpx.Response | None:
        if self.config.cache_ttl <= 0:
            return None
        with _CACHE_LOCK:
            entry = _SHARED_CACHE.get(key)
            if entry is None:
                return None
            stamp, resp = entry
            if time.monotonic() - stamp > self.config.cache_ttl:
                del _SHARED_CACHE[key]
                return None
            return resp

    def _cache_put(self, key: str, resp: httpx.Response) -> None:
        if self.config.cache_ttl > 0:
            with _CACHE_LOCK:
                _SHARED_CACHE[key] = (time.monotonic(), resp)  # LEAK
