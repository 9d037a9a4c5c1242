import bisect
from typing import Any, List

from .shards import list_shards, map_shard


class TokenDataset:
    def __init__(self, root: str, seq_len: int, raw: bool = False) -> None:
        self.seq_len = seq_len
        self._maps: List[Any] = []
        self._starts: List[int] = [0]
        for path in list_shards(root, ".bin" if raw else ".npy"):
            mapped = map_shard(path, raw)  # LEAK
            self._maps.append(mapped)
            self._starts.append(self._starts[-1] + len(mapped) // seq_len)

    def __len__(self) -> int:
        return self._starts[-1]

    def __getitem__(self, index: int) -> Any:
        shard = bisect.bisect_right(self._starts, index) - 1
        offset = (index - self._starts[shard]) * self.seq_len
        return self._maps[shard][offset:offset + self.seq_len]
