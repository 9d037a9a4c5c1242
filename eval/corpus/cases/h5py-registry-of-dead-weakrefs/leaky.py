from __future__ import annotations

import weakref

registry: dict = {}  # LEAK


class ObjectID:
    def __init__(self, oid: int) -> None:
        self.id = oid
        registry[oid] = weakref.ref(self)  # LEAK

    @classmethod
    def lookup(cls, oid: int):
        ref = registry.get(oid)
        return ref() if ref is not None else None
