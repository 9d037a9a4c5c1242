from typing import Any, Dict, Type, TypeVar

T = TypeVar("T", bound="Handle")

_live: Dict[int, int] = {}


def c_unref(address: int) -> None:
    _live[address] = _live.get(address, 1) - 1


class Handle:
    def __init__(self, address: int) -> None:
        self.address = address
        self._keepalive: Dict[int, Any] = {}


def cast(src: Handle, target: Type[T]) -> T:
    # like ctypes.cast: the result shares the source's keep-alive dict, and the dict holds the source
    result = target.__new__(target)
    Handle.__init__(result, src.address)
    result._keepalive = src._keepalive
    result._keepalive[id(src)] = src
    return result
