import weakref
from typing import Any, Set


class BaseFinalizer:
    # keeps the finalizers alive until their object dies; each removes itself then
    _objects: Set["BaseFinalizer"] = set()

    @classmethod
    def track(cls, obj: Any, address: int) -> None:
        cls._objects.add(cls(obj, address))

    def __init__(self, obj: Any, address: int) -> None:
        self.obj = weakref.proxy(obj, self.delete)
        self.address = address

    def delete(self, dead: Any) -> None:
        type(self)._objects.discard(self)
        self.destructor(self.address)

    def destructor(self, address: int) -> None:
        raise NotImplementedError
