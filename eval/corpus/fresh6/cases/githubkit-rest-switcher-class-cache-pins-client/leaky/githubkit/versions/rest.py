from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict

from . import LATEST_VERSION, VERSIONS

if TYPE_CHECKING:
    from ..github import GitHubCore


class RestVersionSwitcher:
    _cached_namespaces: Dict[str, Any] = {}  # LEAK

    def __init__(self, github: "GitHubCore") -> None:
        self._github = github  # LEAK

    def __getattr__(self, name: str) -> Any:
        return getattr(self(LATEST_VERSION), name)

    def __call__(self, version: str = LATEST_VERSION) -> Any:
        if version in self._cached_namespaces:
            return self._cached_namespaces[version]
        module = importlib.import_module(f".{VERSIONS[version]}.rest", __package__)
        namespace = module.RestNamespace(self._github)
        self._cached_namespaces[version] = namespace  # LEAK
        return namespace
