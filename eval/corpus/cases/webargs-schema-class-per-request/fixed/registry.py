from __future__ import annotations

_registry: dict = {}


class SchemaMeta(type):
    def __init__(cls, name, bases, namespace) -> None:
        super().__init__(name, bases, namespace)
        if namespace.get("register", True):
            _registry.setdefault(name, []).append(cls)


class Schema(metaclass=SchemaMeta):
    fields: dict = {}

    def load(self, data: dict) -> dict:
        return {key: data.get(key) for key in self.fields}
