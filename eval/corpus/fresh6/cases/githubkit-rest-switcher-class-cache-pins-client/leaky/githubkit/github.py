from __future__ import annotations

from functools import cached_property

import httpx

from .versions import RestVersionSwitcher


class GitHubCore:
    def __init__(self, token: str, base_url: str = "https://api.github.com") -> None:
        self._client = httpx.Client(base_url=base_url, headers={"Authorization": f"token {token}"})

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        return self._client.request(method, url, **kwargs)


class GitHub(GitHubCore):
    @cached_property
    def rest(self) -> RestVersionSwitcher:
        return RestVersionSwitcher(self)  # LEAK
