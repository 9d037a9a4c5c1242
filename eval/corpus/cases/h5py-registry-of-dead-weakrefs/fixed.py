from __future__ import annotations

import weakref

registry: "weakref.WeakValueDictionary[int, ObjectID]" = weakref.WeakValueDictionary()


class ObjectID:
    def __init__(self, oid: int) -> None:
        self.id = oid
        registry[oid] = self

    @classmethod
    def lookup(cls, oid: int):
        return registry.get(oid)
