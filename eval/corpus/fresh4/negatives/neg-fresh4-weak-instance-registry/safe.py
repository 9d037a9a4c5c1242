from __future__ import annotations

import weakref


class Processor:
    instances: "weakref.WeakValueDictionary[int, Processor]" = weakref.WeakValueDictionary()

    def __init__(self, name: str) -> None:
        self.name = name
        self.models: dict = {}
        Processor.instances[id(self)] = self

    @classmethod
    def find(cls, instance_id: int):
        return cls.instances.get(instance_id)
