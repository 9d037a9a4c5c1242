from typing import Any, Dict, Iterator, Optional, Tuple

from .metadata import FieldMetadata


class FieldManager:
    def __init__(self, use_metadata_cache: bool = True) -> None:
        self.use_metadata_cache = use_metadata_cache

    def make_metadata_cache(self) -> Dict[Tuple[Any, ...], Any]:
        return {}


class GridField:
    def __init__(self, headers: Dict[str, Any], manager: FieldManager) -> None:
        self._headers = headers
        self._manager = manager
        cache: Optional[Dict[Tuple[Any, ...], Any]] = None
        if manager.use_metadata_cache:
            cache = manager.make_metadata_cache()
        self._metadata = FieldMetadata(headers, cache=cache)

    @property
    def metadata(self) -> FieldMetadata:
        return self._metadata

    def cache_stats(self) -> Dict[str, int]:
        cache = self._metadata._cache
        return {"size": len(cache) if cache is not None else 0}


def scan(messages: Iterator[Dict[str, Any]], manager: FieldManager) -> Iterator[str]:
    for headers in messages:
        field = GridField(headers, manager)
        yield f"{field.metadata.get('param')}@{field.metadata.get('level', astype=int)}"
