from functools import lru_cache
from typing import Any, Callable


def _encode_with(model: Any) -> Callable[[str], str]:
    def encode(line: str) -> str:
        return " ".join(model.encode(line))

    return encode


class Tokenizer:
    def __init__(self, model: Any) -> None:
        self.model = model
        self._encode = lru_cache(maxsize=4096)(_encode_with(model))

    def __call__(self, line: str) -> str:
        return self._encode(line)
