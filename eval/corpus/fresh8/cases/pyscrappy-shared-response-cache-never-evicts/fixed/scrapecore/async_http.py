from __future__ import annotations

import httpx

from .http import _RESPONSE_CACHE, FetchConfig


class AsyncHttpClient:
    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._client = httpx.AsyncClient(timeout=self.config.timeout)

    async def aclose(self) -> None:
        await self._client.aclose()

    async def get(self, url: str) -> httpx.Response:
        cached = _RESPONSE_CACHE.get(url, self.config.cache_ttl)
        if cached is not None:
            return cached
        resp = await self._client.get(url)
        resp.raise_for_status()
        _RESPONSE_CACHE.put(url, resp, self.config.cache_ttl, self.config.cache_max_size)
        return resp
