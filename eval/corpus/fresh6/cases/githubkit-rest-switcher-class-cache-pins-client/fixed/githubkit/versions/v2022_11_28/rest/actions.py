from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import ref

if TYPE_CHECKING:
    from githubkit import GitHubCore


class ActionsClient:
    _REST_API_VERSION = "2022-11-28"

    def __init__(self, github: "GitHubCore") -> None:
        self._github_ref = ref(github)

    @property
    def _github(self) -> "GitHubCore":
        if g := self._github_ref():
            return g
        raise RuntimeError("GitHub client has already been collected.")

    def get_actions_cache_usage_for_org(self, org: str):
        return self._github.request("GET", f"/orgs/{org}/actions/cache/usage",
                                    headers={"X-GitHub-Api-Version": self._REST_API_VERSION})
