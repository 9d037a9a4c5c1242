from __future__ import annotations

import functools


class IPv4Address:
    _private_networks: tuple = ()

    def __init__(self, packed: int) -> None:
        self._ip = packed

    @functools.cached_property
    def is_private(self) -> bool:
        return any(self in network for network in self._private_networks)
