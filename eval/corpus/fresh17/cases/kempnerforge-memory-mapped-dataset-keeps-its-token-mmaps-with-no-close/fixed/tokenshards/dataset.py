import bisect
import contextlib
from typing import Any, List

from .shards import list_shards, map_shard


class TokenDataset:
    def __init__(self, root: str, seq_len: int, raw: bool = False) -> None:
        self.seq_len = seq_len
        self._maps: List[Any] = []
        self._starts: List[int] = [0]
        try:
            for path in list_shards(root, ".bin" if raw else ".npy"):
                mapped = map_shard(path, raw)
                self._maps.append(mapped)
                self._starts.append(self._starts[-1] + len(mapped) // seq_len)
        except Exception:
            self._release()
            raise

    def __len__(self) -> int:
        return self._starts[-1]

    def __getitem__(self, index: int) -> Any:
        shard = bisect.bisect_right(self._starts, index) - 1
        offset = (index - self._starts[shard]) * self.seq_len
        return self._maps[shard][offset:offset + self.seq_len]

    def _release(self) -> None:
        for mapped in self._maps:
            inner = getattr(mapped, "_mmap", None)
            if inner is not None and not inner.closed:
                with contextlib.suppress(BufferError, ValueError):
                    inner.close()
        self._maps.clear()

    def close(self) -> None:
        self._release()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self._release()
