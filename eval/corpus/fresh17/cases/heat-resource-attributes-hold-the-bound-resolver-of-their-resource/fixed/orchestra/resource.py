import weakref
from typing import Any, Callable, Dict

from .attributes import Attributes


class Resource:
    attributes_schema: Dict[str, str] = {"show": "all attributes"}

    def __init__(self, name: str, definition: Dict[str, Any], stack: Any) -> None:
        self.name = name
        self.t = definition
        self.stack = stack
        self.resource_id: Any = None
        self.data: Dict[str, Any] = {}
        self.attributes = self._init_attributes()

    def _init_attributes(self) -> Attributes:
        return Attributes(self.name, self.attributes_schema, self._make_resolver(weakref.ref(self)))

    def _resolve_all_attributes(self, attr: str) -> Any:
        if attr == "show":
            return {"name": self.name, "id": self.resource_id, **self.data}
        return self.data.get(attr)

    @staticmethod
    def _make_resolver(ref: "weakref.ref[Resource]") -> Callable[[str], Any]:
        """Build a resolver that does not keep the resource alive."""

        def resolve(attr: str) -> Any:
            res = ref()
            if res is None:
                raise RuntimeError("Resource collected")
            return res._resolve_all_attributes(attr)

        return resolve
