from collections import OrderedDict
from typing import Any, Callable, Hashable


class Lookup:
    def __init__(self, resolver: Callable[[Hashable], Any], max_size: int = 128) -> None:
        self.resolver = resolver
        self.max_size = max_size
        self._cache: "OrderedDict[Hashable, Any]" = OrderedDict()

    def elements(self, key: Hashable) -> Any:
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        value = self.resolver(key)
        self._cache[key] = value
        if len(self._cache) > self.max_size:
            self._cache.popitem(last=False)
        return value
