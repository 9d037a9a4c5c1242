from collections import OrderedDict
from typing import Optional, Tuple

Address = Tuple[str, int]


class PeerTable:
    def __init__(self, size: int = 500) -> None:
        self.size = size
        self._by_address: "OrderedDict[Address, bytes]" = OrderedDict()

    def seen(self, address: Address, key: bytes) -> None:
        self._by_address.pop(address, None)
        self._by_address[address] = key
        if len(self._by_address) > self.size:
            self._by_address.popitem(last=False)

    def lookup(self, address: Address) -> Optional[bytes]:
        return self._by_address.get(address)
