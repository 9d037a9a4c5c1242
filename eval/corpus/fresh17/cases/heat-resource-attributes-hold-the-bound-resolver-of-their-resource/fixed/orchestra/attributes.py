from typing import Any, Callable, Dict


class Attributes:
    """Lazily resolved attributes of one resource, with a per-key cache."""

    def __init__(self, res_name: str, schema: Dict[str, str], resolver: Callable[[str], Any]) -> None:
        self._resource_name = res_name
        self._schema = dict(schema)
        self._resolver = resolver
        self._resolved: Dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in self._schema:
            raise KeyError("%s: invalid attribute %s" % (self._resource_name, key))
        if key not in self._resolved:
            self._resolved[key] = self._resolver(key)
        return self._resolved[key]

    def reset_resolved_values(self) -> None:
        self._resolved.clear()
