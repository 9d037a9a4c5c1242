from __future__ import annotations

from typing import Any, Dict


class Store:
    def __init__(self) -> None:
        self._data: Dict[str, Any] = {}

    def get(self, key: str) -> Any:
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(f"no such key: {key}") from None
