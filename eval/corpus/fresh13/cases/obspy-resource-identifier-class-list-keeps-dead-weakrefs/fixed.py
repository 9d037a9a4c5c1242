import weakref
from typing import Any, Hashable, Optional
from uuid import uuid4


class ResourceIdentifier:
    # resource id -> referred object; an entry goes away with its object
    __resource_id_weak_dict: "weakref.WeakValueDictionary[Hashable, Any]" = weakref.WeakValueDictionary()

    def __init__(self, resource_id: Optional[Hashable] = None, prefix: Optional[str] = None, referred_object: Any = None) -> None:
        if resource_id is None:
            resource_id = str(uuid4())
            if prefix is not None:
                resource_id = "%s/%s" % (prefix, resource_id)
        self.resource_id = resource_id
        if referred_object is not None:
            self.set_referred_object(referred_object)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ResourceIdentifier) and self.resource_id == other.resource_id

    def __hash__(self) -> int:
        return hash(self.resource_id)

    def set_referred_object(self, referred_object: Any) -> None:
        ResourceIdentifier.__resource_id_weak_dict[self.resource_id] = referred_object

    def get_referred_object(self) -> Any:
        return ResourceIdentifier.__resource_id_weak_dict.get(self.resource_id)
