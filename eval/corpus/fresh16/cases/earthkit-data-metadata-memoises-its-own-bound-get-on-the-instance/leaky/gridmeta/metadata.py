from functools import lru_cache
from typing import Any, Dict, Optional

try:
    from functools import cache as memoise
except ImportError:  # Python < 3.9
    memoise = lru_cache(maxsize=None)


class FieldMetadata:
    def __init__(self, values: Dict[str, Any], extra: Optional[Dict[str, Any]] = None, cache: bool = False) -> None:
        self._values = values
        self.extra = extra or {}
        if cache:
            self.get = memoise(self.get)  # LEAK

    def get(self, key: str, default: Any = None, *, astype: Optional[type] = None) -> Any:
        if key in self.extra:
            value = self.extra[key]
        else:
            value = self._values.get(key, default)
        if astype is not None and value is not None:
            value = astype(value)
        return value

    def __getitem__(self, key: str) -> Any:
        return self.get(key)
