from typing import Any, Dict, Optional, Tuple


class FieldMetadata:
    def __init__(self, values: Dict[str, Any], cache: bool = True) -> None:
        self._values = values
        self._cache: Optional[Dict[Tuple[Any, ...], Any]] = {} if cache else None

    def get(self, key: str, default: Any = None, astype: Optional[type] = None) -> Any:
        cache_key = (key, default, astype)
        if self._cache is not None and cache_key in self._cache:
            return self._cache[cache_key]
        value = self._values.get(key, default)
        if astype is not None and value is not None:
            value = astype(value)
        if self._cache is not None:
            self._cache[cache_key] = value
        return value
