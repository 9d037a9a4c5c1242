from __future__ import annotations

import weakref


class Device:
    _instances: "weakref.WeakSet[Device]" = weakref.WeakSet()

    def __init__(self, address: str) -> None:
        self.address = address
        Device._instances.add(self)

    @classmethod
    def all(cls) -> list:
        return list(cls._instances)
