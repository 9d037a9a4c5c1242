from __future__ import annotations

from functools import cached_property
from typing import Optional


class Node:
    def __init__(self, root, path: str) -> None:
        self._root = root
        self._path = path
        self._is_valid: Optional[bool] = None

    def is_valid(self) -> bool:
        if self._is_valid is None:
            self._is_valid = any(key.startswith(self._path) for key in self._root.keys())
        return self._is_valid

    @cached_property
    def info(self) -> dict:
        return dict(self._root.get(self._path, {}))
