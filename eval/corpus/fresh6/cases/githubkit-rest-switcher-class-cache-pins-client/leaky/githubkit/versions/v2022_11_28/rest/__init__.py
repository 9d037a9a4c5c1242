from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from githubkit import GitHubCore

    from .actions import ActionsClient


class RestNamespace:
    def __init__(self, github: "GitHubCore") -> None:
        self._github = github  # LEAK

    @cached_property
    def actions(self) -> "ActionsClient":
        from .actions import ActionsClient

        return ActionsClient(self._github)
