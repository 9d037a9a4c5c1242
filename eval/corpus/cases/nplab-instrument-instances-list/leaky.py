from __future__ import annotations


class Instrument:
    _instances: list = []  # LEAK

    def __init__(self, address: str) -> None:
        self.address = address
        Instrument._instances.append(self)  # LEAK

    @classmethod
    def get_instances(cls) -> list:
        return [i for i in cls._instances if isinstance(i, cls)]
