from __future__ import annotations

from functools import lru_cache
from typing import Optional

import httpx


class ManagerApiError(Exception):
    pass


class hashabledict(dict):
    """dict that can be part of an lru_cache key"""

    def __hash__(self):
        return hash(tuple(sorted(self.items())))


class ManagerConfig:
    def __init__(self, url: str, auth, remote: bool = False) -> None:
        # a cache per instance, around the bound method: it dies with the instance
        self._cached_request = lru_cache(maxsize=128)(self._uncached_request)
        self.url = url
        self.auth = auth
        self.client = httpx.Client(base_url=url, timeout=10.0, auth=auth, follow_redirects=True)
        self.remote = remote

    def _uncached_request(self, method: str, path: str, *args, jti: Optional[str] = None, **kwargs):
        del jti  # only part of the cache key: a new token id makes a new entry
        res = self.client.request(method, path, *args, **kwargs)
        if res.status_code != 200:
            raise ManagerApiError(f"[{res.status_code}] {res.text}")
        return res.json()

    def _request(self, method: str, path: str, *args, params: Optional[dict] = None, **kwargs):
        if params is not None:
            params = hashabledict(params)
        return self._cached_request(method, path, *args, params=params, **kwargs)

    def fetch_platforms(self, **kwargs) -> list:
        return self._request("GET", "/ixmp4", params={"page_size": -1}, **kwargs)["results"]
