from __future__ import annotations

from functools import cached_property, lru_cache
from typing import BinaryIO, Optional

DEFAULT_RECORD_SIZE = 1024
FILE_NUMBER_ROOT = 5
SECTOR_SHIFT = 9


class TableRecord:
    @classmethod
    def from_fh(cls, fh: BinaryIO, offset: int, volume=None) -> "TableRecord":
        record = cls()
        fh.seek(offset)
        record.raw = fh.read(volume.record_size if volume else DEFAULT_RECORD_SIZE)
        record.volume = volume
        return record


class MasterFileTable:
    def __init__(self, fh: BinaryIO, volume=None) -> None:
        self.fh = fh
        self.volume = volume

        self.get = lru_cache(4096)(self.get)

    def __call__(self, ref, *args, **kwargs) -> TableRecord:
        return self.get(ref, *args, **kwargs)

    @cached_property
    def root(self) -> TableRecord:
        return self.get(FILE_NUMBER_ROOT)

    def get(self, ref, root: Optional[TableRecord] = None) -> TableRecord:
        if isinstance(ref, int):
            size = self.volume.record_size if self.volume else DEFAULT_RECORD_SIZE
            record = TableRecord.from_fh(self.fh, ref * size, volume=self.volume)
            record.segment = ref
            return record
        raise TypeError(f"invalid record reference: {ref!r}")


class DirectoryIndex:
    def __init__(self, record: TableRecord, name: str, stream, buffer_size: int) -> None:
        self.record = record
        self.name = name
        self._stream = stream
        self._buffer_size = buffer_size

        self.index_buffer = lru_cache(128)(self.index_buffer)

    def index_buffer(self, vcn: int) -> bytes:
        if not self._stream:
            raise FileNotFoundError(f"index has no allocation: {self.name}")
        self._stream.seek(vcn << SECTOR_SHIFT)
        return self._stream.read(self._buffer_size)
