from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING
from weakref import ref

if TYPE_CHECKING:
    from githubkit import GitHubCore

    from .actions import ActionsClient


class RestNamespace:
    def __init__(self, github: "GitHubCore") -> None:
        self._github_ref = ref(github)

    @property
    def _github(self) -> "GitHubCore":
        if g := self._github_ref():
            return g
        raise RuntimeError("GitHub client has already been collected.")

    @cached_property
    def actions(self) -> "ActionsClient":
        from .actions import ActionsClient

        return ActionsClient(self._github)
