import weakref
from typing import Any, Dict

from .attributes import Attributes
from .resource import Resource


class StackResource(Resource):
    """A resource backed by a nested stack whose outputs become attributes."""

    def __init__(self, name: str, definition: Dict[str, Any], stack: Any) -> None:
        super().__init__(name, definition, stack)
        self._outputs: Dict[str, Any] = {}

    def set_outputs(self, outputs: Dict[str, Any]) -> None:
        self._outputs = dict(outputs)
        schema = dict(self.attributes_schema)
        schema.update({key: "nested stack output" for key in outputs})
        self.attributes = Attributes(self.name, schema, self._make_resolver(weakref.ref(self)))

    def _resolve_all_attributes(self, attr: str) -> Any:
        if attr in self._outputs:
            return self._outputs[attr]
        return super()._resolve_all_attributes(attr)
