import functools
from typing import Any, Dict


class StackResource:
    def __init__(self, name: str, outputs: Dict[str, Any]) -> None:
        self.name = name
        self._outputs = dict(outputs)

    @functools.cached_property
    def attributes(self) -> Dict[str, Any]:
        table = {"name": self.name}
        table.update({key: value for key, value in self._outputs.items() if not key.startswith("_")})
        return table

    def attribute(self, key: str) -> Any:
        return self.attributes.get(key)
