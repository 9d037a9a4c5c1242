from __future__ import annotations

from collections import OrderedDict
from typing import Any, Callable, Hashable


class BoundedCache:
    def __init__(self, load: Callable[[Hashable], Any], max_entries: int = 256) -> None:
        self._load = load
        self._max_entries = max_entries
        self._entries: "OrderedDict[Hashable, Any]" = OrderedDict()

    def get(self, key: Hashable) -> Any:
        if key in self._entries:
            self._entries.move_to_end(key)
            return self._entries[key]
        value = self._load(key)
        self._entries[key] = value
        if len(self._entries) > self._max_entries:
            self._entries.popitem(last=False)
        return value
