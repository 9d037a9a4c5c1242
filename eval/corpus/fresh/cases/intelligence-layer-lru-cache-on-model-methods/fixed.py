from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=10)
def _cached_context_size(client, name: str) -> int:
    sizes = [info["max_context_size"] for info in client.models() if info["name"] == name]
    if not sizes:
        raise ValueError(f"No matching model found for name {name}")
    return sizes[0]


@lru_cache(maxsize=5)
def _cached_tokenizer(client, name: str):
    return client.tokenizer(name)


class AlephAlphaModel:
    def __init__(self, name: str, client) -> None:
        self.name = name
        self._client = client

    def context_size(self) -> int:
        return _cached_context_size(self._client, self.name)

    def get_tokenizer(self):
        return _cached_tokenizer(self._client, self.name)
