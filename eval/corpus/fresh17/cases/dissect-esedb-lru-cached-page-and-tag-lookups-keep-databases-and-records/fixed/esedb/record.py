from functools import lru_cache
from typing import Any, Dict, Optional, Tuple


class TagField:
    def __init__(self, record: "RecordData", value: int) -> None:
        self.record = record
        self.identifier = value & 0x7FFF
        self.offset = value >> 16


class RecordData:
    def __init__(self, table: Any, data: bytes) -> None:
        self.table = table
        self.data = data
        count = len(data) // 4
        self._tagged: Tuple[int, ...] = tuple(
            int.from_bytes(data[i * 4:(i + 1) * 4], "little") for i in range(count)
        )
        self._values: Dict[int, Any] = {}
        self._get_tag_field = lru_cache(4096)(self._get_tag_field)  # type: ignore[method-assign]
        self._find_tag_field_idx = lru_cache(4096)(self._find_tag_field_idx)  # type: ignore[method-assign]

    def get(self, identifier: int) -> Any:
        field = self._find_tag_field_idx(identifier)
        return None if field is None else self.data[field.offset:]

    def _get_tag_field(self, idx: int) -> TagField:
        return TagField(self, self._tagged[idx])

    def _find_tag_field_idx(self, identifier: int, is_derived: bool = False) -> Optional[TagField]:
        for idx in range(len(self._tagged)):
            field = self._get_tag_field(idx)
            if field.identifier == identifier:
                return field
        return None
