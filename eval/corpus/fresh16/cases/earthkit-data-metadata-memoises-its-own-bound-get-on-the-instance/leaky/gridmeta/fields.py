from typing import Any, Dict, Iterator

from .metadata import FieldMetadata


class FieldManager:
    def __init__(self, use_metadata_cache: bool = True) -> None:
        self.use_metadata_cache = use_metadata_cache


class GridField:
    def __init__(self, headers: Dict[str, Any], manager: FieldManager) -> None:
        self._headers = headers
        self._manager = manager
        self._metadata = FieldMetadata(headers, cache=manager.use_metadata_cache)

    @property
    def metadata(self) -> FieldMetadata:
        return self._metadata

    def cache_stats(self) -> Dict[str, int]:
        info = self._metadata.get.cache_info()
        return {"hits": info.hits, "misses": info.misses, "size": info.currsize}


def scan(messages: Iterator[Dict[str, Any]], manager: FieldManager) -> Iterator[str]:
    for headers in messages:
        field = GridField(headers, manager)
        yield f"{field.metadata.get('param')}@{field.metadata.get('level', astype=int)}"
