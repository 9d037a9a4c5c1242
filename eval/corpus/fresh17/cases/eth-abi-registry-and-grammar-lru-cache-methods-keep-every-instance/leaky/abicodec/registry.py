import copy
import functools
from typing import Any, Callable, Dict

from .grammar import visitor


class ABIRegistry:
    def __init__(self) -> None:
        self._encoders: Dict[str, Callable[[Any], bytes]] = {}
        self._decoders: Dict[str, Callable[[bytes], Any]] = {}

    def register(self, base: str, encoder: Callable[[Any], bytes], decoder: Callable[[bytes], Any]) -> None:
        self._encoders[base] = encoder
        self._decoders[base] = decoder

    def _lookup(self, mapping: Dict[str, Any], type_str: str) -> Any:
        abi_type = visitor.parse(type_str)
        try:
            return mapping[abi_type.base]
        except KeyError:
            raise LookupError("no coder for %s" % type_str) from None

    @functools.lru_cache(maxsize=None)  # LEAK
    def get_encoder(self, type_str: str) -> Callable[[Any], bytes]:
        return self._lookup(self._encoders, type_str)

    @functools.lru_cache(maxsize=None)  # LEAK
    def get_decoder(self, type_str: str, strict: bool = True) -> Callable[[bytes], Any]:
        return self._lookup(self._decoders, type_str)

    def copy(self) -> "ABIRegistry":
        fresh = ABIRegistry()
        fresh._encoders = copy.copy(self._encoders)
        fresh._decoders = copy.copy(self._decoders)
        return fresh
