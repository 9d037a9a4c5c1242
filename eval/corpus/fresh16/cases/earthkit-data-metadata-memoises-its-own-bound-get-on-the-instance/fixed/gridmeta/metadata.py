from typing import Any, Dict, Optional, Tuple


class FieldMetadata:
    def __init__(
        self,
        values: Dict[str, Any],
        extra: Optional[Dict[str, Any]] = None,
        cache: Optional[Dict[Tuple[Any, ...], Any]] = None,
    ) -> None:
        self._values = values
        self.extra = extra or {}
        self._cache = cache

    def get(self, key: str, default: Any = None, *, astype: Optional[type] = None) -> Any:
        if self._cache is not None:
            cache_key = (key, default, astype)
            if cache_key in self._cache:
                return self._cache[cache_key]
        if key in self.extra:
            value = self.extra[key]
        else:
            value = self._values.get(key, default)
        if astype is not None and value is not None:
            value = astype(value)
        if self._cache is not None:
            self._cache[cache_key] = value
        return value

    def __getitem__(self, key: str) -> Any:
        return self.get(key)
