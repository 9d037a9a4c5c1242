import weakref
from typing import Any, Hashable, List, Optional
from uuid import uuid4


class ResourceIdentifier:
    # every identifier that carries a referred object, across the whole run
    __resource_id_list: List["weakref.ref[ResourceIdentifier]"] = []

    def __init__(self, resource_id: Optional[Hashable] = None, prefix: Optional[str] = None, referred_object: Any = None) -> None:
        if resource_id is None:
            resource_id = str(uuid4())
            if prefix is not None:
                resource_id = prefix + "/" + resource_id
        self.resource_id = resource_id
        self._referred = weakref.ref(referred_object) if referred_object is not None else None
        self._append_to_global_list()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ResourceIdentifier) and self.resource_id == other.resource_id

    def __hash__(self) -> int:
        return hash(self.resource_id)

    def _own_referred_object(self) -> Any:
        return self._referred() if self._referred is not None else None

    def _append_to_global_list(self) -> None:
        if self._own_referred_object() is None:
            return
        res_list = ResourceIdentifier.__resource_id_list
        live = [ref() for ref in res_list]
        if self in live:
            res_list.remove(res_list[live.index(self)])
        res_list.append(weakref.ref(self))  # LEAK

    def get_referred_object(self) -> Any:
        obj = self._own_referred_object()
        if obj is not None:
            return obj
        for ref in ResourceIdentifier.__resource_id_list:
            other = ref()
            if other is not None and other == self:
                return other._own_referred_object()
        return None
