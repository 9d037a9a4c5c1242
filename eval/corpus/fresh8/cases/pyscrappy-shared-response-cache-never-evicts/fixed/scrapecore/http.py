from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import httpx


@dataclass
class FetchConfig:
    cache_ttl: float = 0.0
    cache_max_size: int = 512
    timeout: float = 20.0


class _ResponseCache:
    """Process-wide LRU of responses: capped in size, expired entries dropped on access."""

    def __init__(self) -> None:
        self._entries: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, ttl: float) -> httpx.Response | None:
        if ttl <= 0:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stamp, resp = entry
            if time.monotonic() - stamp > ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return resp

    def put(self, key: str, resp: httpx.Response, ttl: float, max_size: int) -> None:
        if ttl <= 0 or max_size <= 0:
            return
        with self._lock:
            self._entries[key] = (time.monotonic(), resp)
            self._entries.move_to_end(key)
            while len(self._entries) > max_size:
                self._entries.popitem(last=False)


_RESPONSE_CACHE = _ResponseCache()


class HttpClient:
    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._client = httpx.Client(timeout=self.config.timeout)

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> httpx.Response:
        cached = _RESPONSE_CACHE.get(url, self.config.cache_ttl)
        if cached is not None:
            return cached
        resp = self._client.get(url)
        resp.raise_for_status()
        _RESPONSE_CACHE.put(url, resp, self.config.cache_ttl, self.config.cache_max_size)
        return resp
