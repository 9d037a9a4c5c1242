import bisect
from typing import Any, BinaryIO, List, Sequence

from .cache import lru_cached_method


class FileReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self._handle: BinaryIO = open(path, "rb")
        self.frame_count = 0

    def read_frame(self, index: int) -> bytes:
        self._handle.seek(index * 512)
        return self._handle.read(512)

    def close(self) -> None:
        self._handle.close()


class FileImageData:
    """Frames of one image spread over concatenated files."""

    def __init__(self, readers: Sequence[FileReader]) -> None:
        self._readers: List[FileReader] = list(readers)
        self._starts: List[int] = []
        start = 0
        for reader in self._readers:
            self._starts.append(start)
            start += reader.frame_count

    @lru_cached_method()
    def _get_reader(self, frame_index: int) -> FileReader:
        position = bisect.bisect_right(self._starts, frame_index) - 1
        if position < 0:
            raise KeyError(frame_index)
        return self._readers[position]

    def get_frame(self, frame_index: int) -> bytes:
        reader = self._get_reader(frame_index)
        return reader.read_frame(frame_index - self._starts[self._readers.index(reader)])

    def close(self) -> None:
        for reader in self._readers:
            reader.close()
