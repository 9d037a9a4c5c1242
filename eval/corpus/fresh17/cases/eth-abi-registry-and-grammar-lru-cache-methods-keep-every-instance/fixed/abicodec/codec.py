from typing import Any, Iterable, List, Tuple

from .registry import ABIRegistry


class ABICodec:
    def __init__(self, registry: ABIRegistry) -> None:
        self._registry = registry

    def encode(self, types: Iterable[str], args: Iterable[Any]) -> bytes:
        return b"".join(self._registry.get_encoder(t)(a) for t, a in zip(types, args))

    def decode(self, types: Iterable[str], chunks: Iterable[bytes]) -> Tuple[Any, ...]:
        values: List[Any] = [self._registry.get_decoder(t)(c) for t, c in zip(types, chunks)]
        return tuple(values)
