from __future__ import annotations

from functools import lru_cache


class AlephAlphaModel:
    def __init__(self, name: str, client) -> None:
        self.name = name
        self._client = client

    @lru_cache(maxsize=10)  # LEAK
    def context_size(self) -> int:
        sizes = [info["max_context_size"] for info in self._client.models() if info["name"] == self.name]
        if not sizes:
            raise ValueError(f"No matching model found for name {self.name}")
        return sizes[0]

    @lru_cache(maxsize=10)  # LEAK
    def get_tokenizer(self):
        return self._client.tokenizer(self.name)
