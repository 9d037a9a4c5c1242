from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict
from weakref import WeakKeyDictionary, ref

from . import LATEST_VERSION, VERSIONS

if TYPE_CHECKING:
    from ..github import GitHubCore


class RestVersionSwitcher:
    _cached_namespaces: "WeakKeyDictionary[GitHubCore, Dict[str, Any]]" = WeakKeyDictionary()

    def __init__(self, github: "GitHubCore") -> None:
        self._github_ref = ref(github)

    @property
    def _github(self) -> "GitHubCore":
        if g := self._github_ref():
            return g
        raise RuntimeError("GitHub client has already been collected.")

    def __getattr__(self, name: str) -> Any:
        return getattr(self(LATEST_VERSION), name)

    def __call__(self, version: str = LATEST_VERSION) -> Any:
        g = self._github
        cache = self._cached_namespaces.setdefault(g, {})
        if version in cache:
            return cache[version]
        module = importlib.import_module(f".{VERSIONS[version]}.rest", __package__)
        namespace = module.RestNamespace(g)
        cache[version] = namespace
        return namespace
