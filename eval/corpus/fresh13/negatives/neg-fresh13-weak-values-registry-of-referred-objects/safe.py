import weakref
from typing import Any, Hashable


class ResourceId:
    _registry: "weakref.WeakValueDictionary[Hashable, Any]" = weakref.WeakValueDictionary()

    def __init__(self, rid: Hashable, referred: Any = None) -> None:
        self.rid = rid
        if referred is not None:
            ResourceId._registry[rid] = referred

    def get_referred_object(self) -> Any:
        return ResourceId._registry.get(self.rid)
