from __future__ import annotations

import weakref


class Instrument:
    _instances: "weakref.WeakSet[Instrument]" = weakref.WeakSet()

    def __init__(self, address: str) -> None:
        self.address = address
        Instrument._instances.add(self)

    @classmethod
    def get_instances(cls) -> list:
        return [i for i in cls._instances if isinstance(i, cls)]
